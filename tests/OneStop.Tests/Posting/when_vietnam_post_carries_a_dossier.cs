using System.Text.Json;
using OneStop.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Posting;

/// <summary>
/// Vietnam Post collects a dossier at the applicant's address and hands it to the desk, then carries the result
/// back: each step is an event with the postal officer as actor, in the timeline and in tracking.
/// </summary>
public sealed class when_vietnam_post_carries_a_dossier(LedgerApp app) : LedgerContext(app)
{
    private string Postal => App.Token("bd-07", "postal", "VNPOST-HN");

    [Fact]
    public async Task a_collected_dossier_is_received_only_after_the_post_hands_it_over()
    {
        var receipt = await Submit(Channel.Postal, token: Postal);
        var id = receipt.GetProperty("id").GetGuid();
        var version = await Ok(id, "postal/pickup", new { version = 1, postalItemNumber = "EB123456789VN" }, Postal);

        var (early, problem) = await Command(id, "reception", new { version }, Reception);
        version = await Ok(id, "postal/handover", new { version }, Postal);
        version = await Ok(id, "reception", new { version }, Reception);

        early.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("postal-dossier-at-desk");
        version.ShouldBe(4);
        var postal = (await View(id)).GetProperty("postal");
        postal.GetProperty("postalItemNumber").GetString().ShouldBe("EB123456789VN");
        postal.GetProperty("handedToReceptionAt").ValueKind.ShouldBe(JsonValueKind.String);
        var timeline = await Timeline(id);
        timeline.ShouldContain(e => e.Officer == "bd-07" && e.Text.Contains("Collected by Vietnam Post"));
        timeline.ShouldContain(e => e.Role == "postal" && e.Text.Contains("handed the dossier to the one-stop desk"));
    }

    [Fact]
    public async Task only_the_post_records_its_steps_and_only_for_postal_dossiers()
    {
        var counter = await a_submitted_dossier();
        var postal = (await Submit(Channel.Postal, token: Postal)).GetProperty("id").GetGuid();

        var (wrongChannel, problem) = await Command(counter, "postal/pickup",
            new { version = 1, postalItemNumber = "EB123456789VN" }, Postal);
        var (wrongRole, _) = await Command(postal, "postal/pickup",
            new { version = 1, postalItemNumber = "EB123456789VN" }, Reception);

        wrongChannel.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("postal-channel");
        wrongRole.ShouldBe(403);
    }

    [Fact]
    public async Task the_result_goes_back_by_post_and_its_delivery_is_tracked()
    {
        var (receipt, version) = await a_result_issued();
        var id = receipt.GetProperty("id").GetGuid();
        version = await Ok(id, "return",
            new { version, method = "postal", trackingNumber = "RR987654321VN", applicantNotified = true }, Reception);

        var (mismatch, _) = await Command(id, "postal/result", new { version, trackingNumber = "RR000" }, Postal);
        version = await Ok(id, "postal/result", new { version, trackingNumber = "RR987654321VN" }, Postal);
        var (noReason, _) = await Command(id, "postal/delivery", new { version, delivered = false }, Postal);
        version = await Ok(id, "postal/delivery",
            new { version, delivered = false, reason = "Không có người nhận" }, Postal);
        var (twice, _) = await Command(id, "postal/delivery", new { version, delivered = true }, Postal);

        mismatch.ShouldBe(409);
        noReason.ShouldBe(409);
        twice.ShouldBe(409, "a delivery outcome is recorded once");
        var view = await View(id);
        view.GetProperty("nationalStatusCode").GetInt32().ShouldBe(10, "returning stays the act that closes it");
        view.GetProperty("postal").GetProperty("deliveryFailure").GetString().ShouldBe("Không có người nhận");
        var tracked = await Track(receipt);
        tracked.ShouldContain(t => t.Contains("Result handed to Vietnam Post for delivery (tracking RR987654321VN)"));
        tracked.ShouldContain(t => t.Contains("returned undelivered"));
    }

    private async Task<List<(string Text, string Role, string Officer)>> Timeline(Guid id)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/dossiers/{id}/timeline");
            s.WithBearerToken(Reception);
        });
        var json = await result.ReadAsJsonAsync<JsonElement>();
        return [.. json.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("text").GetString()!,
            e.GetProperty("role").GetString()!, e.GetProperty("officer").GetString()!))];
    }

    /// <summary>The citizen's timeline, read with the code and secret printed on the receipt.</summary>
    private async Task<List<string>> Track(JsonElement receipt)
    {
        var result = await Host.Scenario(s => s.Post.Json(new
        {
            code = receipt.GetProperty("code").GetString(),
            secret = receipt.GetProperty("lookupSecret").GetString(),
        }).ToUrl("/api/track"));
        var json = await result.ReadAsJsonAsync<JsonElement>();
        return [.. json.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()!)];
    }

    private async Task<(JsonElement Receipt, int Version)> a_result_issued()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();
        var version = await Ok(id, "reception", new { version = 1 }, Reception);
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);
        var decision = new { version, outcome = "approved", reason = "Đủ điều kiện" };
        version = await Ok(id, "decision", decision, UnitHead);
        version = await Ok(id, "result", new { version, documentSha256 = new string('c', 64) }, UnitHead);
        return (receipt, version);
    }
}
