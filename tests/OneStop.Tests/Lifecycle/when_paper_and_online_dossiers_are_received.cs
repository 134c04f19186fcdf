using OneStop.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rules 3 and 4: paper reaches the unit that day (next morning after 15:00); online in 8 hours.</summary>
public sealed class when_paper_and_online_dossiers_are_received(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task a_paper_dossier_received_before_three_pm_goes_to_the_unit_the_same_day()
    {
        At(Hanoi(2026, 3, 3, 14, 30));
        await a_received_dossier_is_due_at(Hanoi(2026, 3, 3, 17));
    }

    [Fact]
    public async Task a_paper_dossier_received_after_three_pm_goes_at_the_start_of_the_next_working_day()
    {
        At(Hanoi(2026, 3, 6, 15, 30));
        await a_received_dossier_is_due_at(Hanoi(2026, 3, 9, 11, 30));
    }

    [Fact]
    public async Task an_online_dossier_answered_within_eight_working_hours_records_no_breach()
    {
        At(Hanoi(2026, 3, 2, 16));
        var id = await a_submitted_dossier(Channel.Online);
        At(Hanoi(2026, 3, 3, 15));

        await Ok(id, "reception", new { version = 1 }, Reception);

        (await View(id)).GetProperty("receptionDeadlineMissed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task an_online_dossier_answered_after_eight_working_hours_records_the_breach()
    {
        At(Hanoi(2026, 3, 2, 16));
        var id = await a_submitted_dossier(Channel.Online);
        At(Hanoi(2026, 3, 3, 16, 1));

        var version = await Ok(id, "reception", new { version = 1 }, Reception);

        version.ShouldBe(3, "the breach is an event of its own, before the reception");
        var view = await View(id);
        view.GetProperty("receptionDeadlineMissed").GetBoolean().ShouldBeTrue();
        view.GetProperty("receptionDeadline").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 3, 16));
    }

    private async Task a_received_dossier_is_due_at(DateTimeOffset handOverBy)
    {
        var (id, _) = await a_received_dossier();
        (await View(id)).GetProperty("handOverDeadline").GetDateTimeOffset()
            .ShouldBe(handOverBy);
    }
}
