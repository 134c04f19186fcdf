using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

public sealed class when_a_dossier_goes_from_submission_to_result(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task every_step_is_recorded_and_the_view_follows()
    {
        var receipt = await Submit();
        var id = receipt.GetProperty("id").GetGuid();
        receipt.GetProperty("code").GetString()!.ShouldMatch(@"^000\.00\.00\.G06-260302-0001$");
        receipt.GetProperty("lookupSecret").GetString().ShouldNotBeNullOrEmpty();

        var version = await Ok(id, "reception", new { version = 1 }, Reception);
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);
        At(Hanoi(2026, 3, 4, 10));
        version = await Ok(id, "decision", new { version, outcome = "approved", reason = "Complete" }, UnitHead);
        version = await Ok(id, "result", new { version, documentSha256 = new string('b', 64) }, UnitHead);
        if (Procedure.FeeVnd is > 0)
        {
            version = await Ok(id, "fees", new { version, amount = Procedure.FeeVnd, receiptNumber = "BL-1" },
                Reception);
        }
        version = await Ok(id, "return",
            new { version, method = "postal", trackingNumber = "EMS123", applicantNotified = true }, Reception);

        var view = await View(id);
        view.GetProperty("status").GetString().ShouldBe("resultReturned");
        view.GetProperty("nationalStatusCode").GetInt32().ShouldBe(10);
        view.GetProperty("version").GetInt32().ShouldBe(version);
        view.GetProperty("trackingNumber").GetString().ShouldBe("EMS123");
        // 7 working days from Monday 2 March 09:00 end Wednesday 11 March 09:00; decided on the 4th: early.
        view.GetProperty("appointment").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 11, 9));
        view.GetProperty("finishedTimeliness").GetString().ShouldBe("early");
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task the_timeline_tells_each_step_in_plain_words()
    {
        var (id, _) = await a_dossier_in_processing();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/dossiers/{id}/timeline");
            s.WithBearerToken(Reception);
        });
        var entries = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("entries");

        entries.GetArrayLength().ShouldBe(3);
        entries[1].GetProperty("text").GetString()!.ShouldStartWith("Dossier received; result promised by");
        entries[2].GetProperty("text").GetString()!.ShouldContain($"to {HandlingUnit}");
    }

    [Fact]
    public async Task every_event_carries_who_acted_and_the_correlation_id()
    {
        var id = await a_submitted_dossier();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { version = 1 }).ToUrl($"/api/dossiers/{id}/reception");
            s.WithBearerToken(Reception);
            s.WithRequestHeader("X-Correlation-ID", "corr-42");
            s.WithRequestHeader("X-Device-ID", "counter-3");
        });

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/dossiers/{id}/events");
            s.WithBearerToken(App.Token("in-01", "inspector", "THANHTRA"));
        });
        var received = (await result.ReadAsJsonAsync<JsonElement>())[1];

        received.GetProperty("type").GetString().ShouldBe("dossier_received");
        received.GetProperty("correlationId").GetString().ShouldBe("corr-42");
        received.GetProperty("userName").GetString().ShouldBe("rc-01");
        var headers = received.GetProperty("headers");
        headers.GetProperty("role").GetString().ShouldBe("reception");
        headers.GetProperty("unit").GetString().ShouldBe(ReceptionUnit);
        headers.GetProperty("device").GetString().ShouldBe("counter-3");
        received.GetProperty("causationId").GetString().ShouldNotBeNullOrEmpty();
    }
}
