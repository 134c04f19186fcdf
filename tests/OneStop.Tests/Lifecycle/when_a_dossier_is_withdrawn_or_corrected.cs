using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rule 9: withdrawal until a decision; mistakes are compensated by new events, never deleted.</summary>
public sealed class when_a_dossier_is_withdrawn_or_corrected(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task a_dossier_in_processing_can_be_withdrawn()
    {
        var (id, version) = await a_dossier_in_processing();

        await Ok(id, "withdrawal", new { version, reason = "Applicant moved abroad" }, Reception);

        (await View(id)).GetProperty("nationalStatusCode").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task a_decided_dossier_cannot_be_withdrawn()
    {
        var (id, version) = await a_decided_dossier();

        var (status, problem) = await Command(id, "withdrawal", new { version, reason = "Too late" }, Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-9-withdraw-before-decision");
    }

    [Fact]
    public async Task a_mistaken_hand_over_is_compensated_and_the_dossier_goes_back()
    {
        var (id, version) = await a_dossier_in_processing();
        version = await Ok(id, "handovers", new { version, step = 2, unit = HandlingUnit }, Handler);
        var handOver = (await View(id)).GetProperty("handOvers")[1]
            .GetProperty("sequence").GetInt64();

        version = await Ok(id, "corrections", new { version, corrects = handOver, reason = "Wrong step" }, UnitHead);

        var view = await View(id);
        view.GetProperty("currentStep").GetInt32().ShouldBe(1);
        view.GetProperty("handOvers")[1].GetProperty("corrected").GetBoolean().ShouldBeTrue();
        view.GetProperty("corrections")[0].GetProperty("approvedBy").GetString().ShouldBe("uh-01");
        (await EventCount(id)).ShouldBe(version, "the corrected event stays in the ledger");
    }

    [Fact]
    public async Task a_decision_cannot_be_corrected_away()
    {
        var (id, version) = await a_decided_dossier();
        await using var session = Store.QuerySession();
        var decision = (await session.Events.FetchStreamAsync(id))[^1].Sequence;

        var (status, problem) = await Command(id, "corrections",
            new { version, corrects = decision, reason = "Changed my mind" }, UnitHead);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-9-correctable-event");
    }
}
