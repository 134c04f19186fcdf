using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rule 5: within 3 working days of reception; the legal time limit restarts once it is back.</summary>
public sealed class when_a_supplement_is_requested_after_appraisal(LedgerApp app) : LedgerContext(app)
{
    private static object Request(int version) =>
        new { version, missing = new[] { "Signed technical file" }, reason = "Unreadable scan" };

    [Fact]
    public async Task it_is_accepted_within_three_working_days_and_restarts_the_time_limit()
    {
        var (id, version) = await a_dossier_in_processing();
        At(Hanoi(2026, 3, 5, 9));
        version = await Ok(id, "supplement-requests", Request(version), Handler);
        (await View(id)).GetProperty("status").GetString().ShouldBe("awaitingSupplement");

        At(Hanoi(2026, 3, 10, 10));
        await Ok(id, "supplements", new { version, components = new[] { AllRequiredComponents()[0] } }, Reception);

        var view = await View(id);
        view.GetProperty("status").GetString().ShouldBe("inProcessing");
        view.GetProperty("originalAppointment").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 11, 9));
        view.GetProperty("appointment").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 19, 10));
        var supplement = view.GetProperty("supplements")[0];
        supplement.GetProperty("requestedAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 5, 9));
        supplement.GetProperty("providedAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 10, 10));
    }

    [Fact]
    public async Task it_is_refused_after_three_working_days()
    {
        var (id, version) = await a_dossier_in_processing();
        At(Hanoi(2026, 3, 5, 9, 1));

        var (status, problem) = await Command(id, "supplement-requests", Request(version), Handler);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-5-supplement-within-3-working-days");
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task only_the_unit_that_holds_the_dossier_may_ask()
    {
        var (id, version) = await a_dossier_in_processing();

        var (status, _) = await Command(id, "supplement-requests", Request(version), OtherUnitHandler);

        status.ShouldBe(403);
    }
}
