using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rule 6: apologise at least one working day before the appointment; the new date is set once.</summary>
public sealed class when_a_dossier_will_be_late(LedgerApp app) : LedgerContext(app)
{
    private static readonly DateTimeOffset NewDate = new(2026, 3, 20, 17, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task an_apology_in_time_moves_the_appointment()
    {
        var (id, version) = await a_dossier_in_processing();
        At(Hanoi(2026, 3, 10, 9));

        await Ok(id, "delays", new { version, reason = "Waiting for an inspection", newAppointment = NewDate },
            Handler);

        var view = await View(id);
        view.GetProperty("appointment").GetDateTimeOffset().ShouldBe(NewDate);
        view.GetProperty("delay").GetProperty("previousAppointment").GetDateTimeOffset()
            .ShouldBe(Hanoi(2026, 3, 11, 9));
    }

    [Fact]
    public async Task an_apology_less_than_one_working_day_before_the_appointment_is_refused()
    {
        var (id, version) = await a_dossier_in_processing();
        At(Hanoi(2026, 3, 10, 9, 1));

        var (status, problem) = await Command(id, "delays",
            new { version, reason = "Late", newAppointment = NewDate }, Handler);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-6-apology-one-working-day-before");
    }

    [Fact]
    public async Task the_new_appointment_can_be_set_only_once()
    {
        var (id, version) = await a_dossier_in_processing();
        version = await Ok(id, "delays", new { version, reason = "Late", newAppointment = NewDate }, Handler);

        var (status, problem) = await Command(id, "delays",
            new { version, reason = "Later still", newAppointment = NewDate.AddDays(7) }, Handler);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-6-new-appointment-once");
    }

    [Fact]
    public async Task the_new_appointment_must_be_later()
    {
        var (id, version) = await a_dossier_in_processing();

        var (status, problem) = await Command(id, "delays",
            new { version, reason = "Late", newAppointment = Hanoi(2026, 3, 10, 9) }, Handler);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("rule-6-new-appointment-later");
    }
}
