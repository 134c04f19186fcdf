using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rule 8: a procedure with a fee returns its result only once the fee is paid.</summary>
public sealed class when_a_fee_is_due(LedgerApp app) : LedgerContext(app)
{
    // Confirmation of postal-activity notice (re-issue): a fee of 1,000,000 VND.
    private const string FeeProcedure = "1.004428";

    [Fact]
    public async Task the_result_is_held_until_the_fee_is_paid()
    {
        var c = (OneStop.Catalogue.ProcedureCatalogue)Host.Services.GetService(
            typeof(OneStop.Catalogue.ProcedureCatalogue))!;
        var unit = c.Find(FeeProcedure)!.Unit;
        var head = App.Token("uh-02", "unit-head", unit);
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                procedureCode = FeeProcedure,
                channel = "Kiosk",
                applicant = new { kind = "Enterprise", name = "Công ty Bưu chính Test" },
                components = RequiredOf(c),
            }).ToUrl("/api/dossiers");
            s.StatusCodeShouldBe(201);
        });
        var id = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var version = await Ok(id, "reception", new { version = 1 }, Reception);
        version = await Ok(id, "handovers", new { version, step = 1, unit }, Reception);
        version = await Ok(id, "decision", new { version, outcome = "approved", reason = "ok" }, head);
        version = await Ok(id, "result", new { version, documentSha256 = new string('c', 64) }, head);

        var (status, problem) = await Command(id, "return",
            new { version, method = "counter", applicantNotified = true }, Reception);
        status.ShouldBe(409);
        problem.GetProperty("detail").GetString()!.ShouldContain("1000000");

        version = await Ok(id, "fees", new { version, amount = 1_000_000, receiptNumber = "BL-0001" }, Reception);
        await Ok(id, "return", new { version, method = "counter", applicantNotified = true }, Reception);
    }

    private static string[] RequiredOf(OneStop.Catalogue.ProcedureCatalogue catalogue) =>
        [.. catalogue.Find(FeeProcedure)!.Components.Where(c => c.Required).Select(c => c.Id)];
}
