using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Submitting;

/// <summary>Rule: the day's sequence is gap-free and unique however many submissions race.</summary>
public sealed class when_many_dossiers_are_submitted_at_once(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task two_hundred_concurrent_submissions_get_codes_0001_to_0200()
    {
        var receipts = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => SubmitAtKiosk()));

        var codes = receipts.Select(r => r.GetProperty("code").GetString()!).Order().ToList();
        codes.Distinct().Count().ShouldBe(200);
        codes.ShouldBe([.. Enumerable.Range(1, 200).Select(n => $"000.00.00.G06-260302-{n:D4}")]);
    }

    [Fact]
    public async Task the_sequence_restarts_on_the_next_local_day()
    {
        At(Hanoi(2026, 3, 2, 23, 59));
        (await SubmitAtKiosk()).GetProperty("code").GetString().ShouldBe("000.00.00.G06-260302-0001");
        // 17:30 UTC on the 2nd is already 00:30 on the 3rd in Hanoi.
        At(new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.Zero));
        (await SubmitAtKiosk()).GetProperty("code").GetString().ShouldBe("000.00.00.G06-260303-0001");
    }

    private async Task<JsonElement> SubmitAtKiosk()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                procedureCode = ProcedureCode,
                channel = "Kiosk",
                applicant = new { kind = "Citizen", name = "Trần Thị Test" },
            }).ToUrl("/api/dossiers");
            s.StatusCodeShouldBe(201);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
