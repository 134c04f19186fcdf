using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rules 1 and 2: one supplement request lists every missing component; the clock starts at receipt.</summary>
public sealed class when_reception_checks_completeness(LedgerApp app) : LedgerContext(app)
{
    private string[] MissingTwo => AllRequiredComponents()[2..];

    [Fact]
    public async Task an_incomplete_dossier_cannot_be_received()
    {
        var id = await a_submitted_dossier(components: MissingTwo);

        var (status, problem) = await Command(id, "reception", new { version = 1 }, Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-1-complete-dossier");
        (await EventCount(id)).ShouldBe(1, "a refused command appends nothing");
    }

    [Fact]
    public async Task a_supplement_request_that_omits_a_missing_component_is_refused()
    {
        var id = await a_submitted_dossier(components: MissingTwo);
        var missing = AllRequiredComponents()[..2];

        var (status, problem) = await Command(id, "supplement-requests",
            new { version = 1, missing = new[] { missing[0] }, reason = "Incomplete" }, Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-1-one-supplement-request");
        problem.GetProperty("detail").GetString()!.ShouldContain(missing[1]);
    }

    [Fact]
    public async Task the_complete_dossier_is_received_after_the_supplement_and_the_clock_starts_then()
    {
        var id = await a_submitted_dossier(components: MissingTwo);
        var missing = AllRequiredComponents()[..2];
        var version = await Ok(id, "supplement-requests", new { version = 1, missing, reason = "Incomplete" },
            Reception);
        (await View(id)).GetProperty("nationalStatusCode").GetInt32().ShouldBe(5);

        At(Hanoi(2026, 3, 5, 14));
        version = await Ok(id, "supplements", new { version, components = missing }, Reception);
        version = await Ok(id, "reception", new { version }, Reception);

        var view = await View(id);
        view.GetProperty("status").GetString().ShouldBe("received");
        view.GetProperty("receivedAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 5, 14));
        view.GetProperty("appointment").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 16, 14));
        view.GetProperty("version").GetInt32().ShouldBe(version);
    }

    [Fact]
    public async Task a_refusal_closes_the_dossier_with_its_reason()
    {
        var id = await a_submitted_dossier();

        await Ok(id, "reception", new { version = 1, refuse = "Not within the ministry's competence" }, Reception);

        var view = await View(id);
        view.GetProperty("nationalStatusCode").GetInt32().ShouldBe(3);
        view.GetProperty("closingReason").GetString().ShouldBe("Not within the ministry's competence");
    }
}
