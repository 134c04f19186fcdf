using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Integrations.Alerts;
using OneStop.Pages;
using OneStop.Projections.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>
/// Deadline alerts around Hung Kings (Monday 27 April 2026 off) and 30 April / 1 May 2026 (Thursday and Friday
/// off). Each command's alerts are read from the messages it scheduled, then fired the way Wolverine's scheduler
/// would at their instants, with the ledger clock moved there: the scheduler runs on the machine clock, which a
/// test cannot move by days.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class when_deadlines_fall_around_the_april_holidays : IAsyncLifetime
{
    private IntegrationHost host = null!;

    public async Task InitializeAsync() =>
        host = await IntegrationHost.StartAsync(await TestCluster.NewDatabaseAsync("alerts"),
            new TestClock(Hanoi(2026, 4, 20, 10)), ("OneStop:Alerts:Enabled", "true"));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task due_soon_fires_one_working_day_before_the_appointment_and_overdue_at_it()
    {
        var (id, planned) = await a_dossier_received_at(Hanoi(2026, 4, 20, 10));

        (await ViewOf(id)).Appointment.ShouldBe(Hanoi(2026, 5, 4, 10),
            "7 working days from Monday 20 April skip 27 April, 30 April, 1 May and two weekends");
        var soon = planned.Single(p => p.Alert.Kind == DeadlineAlertKind.AppointmentDueSoon);
        var overdue = planned.Single(p => p.Alert.Kind == DeadlineAlertKind.AppointmentOverdue);
        soon.Alert.FireAt.ShouldBe(Hanoi(2026, 4, 29, 10), "one working day back from 4 May skips the holidays");
        soon.Alert.Due.ShouldBe(Hanoi(2026, 5, 4, 10));
        overdue.Alert.FireAt.ShouldBe(Hanoi(2026, 5, 4, 10));
        soon.Delay.ShouldBe(Hanoi(2026, 4, 29, 10) - Hanoi(2026, 4, 20, 10), "the delay is measured on the ledger");
        overdue.Delay.ShouldBe(Hanoi(2026, 5, 4, 10) - Hanoi(2026, 4, 20, 10));

        await host.Fire(soon.Alert);
        await host.Fire(overdue.Alert);

        var raised = await host.RaisedAlerts(id);
        raised.Select(a => (a.Kind, a.At, a.Due)).ShouldBe(
        [
            (DeadlineAlertKind.AppointmentDueSoon, Hanoi(2026, 4, 29, 10), Hanoi(2026, 5, 4, 10)),
            (DeadlineAlertKind.AppointmentOverdue, Hanoi(2026, 5, 4, 10), Hanoi(2026, 5, 4, 10)),
        ]);
    }

    [Fact]
    public async Task an_alert_delivered_before_its_instant_waits_for_it_and_fires_once()
    {
        var (id, planned) = await a_dossier_received_at(Hanoi(2026, 4, 20, 10));
        var soon = planned.Single(p => p.Alert.Kind == DeadlineAlertKind.AppointmentDueSoon).Alert;

        var early = await host.Fire(soon, at: Hanoi(2026, 4, 29, 9, 30));

        (await host.RaisedAlerts(id)).ShouldBeEmpty("half an hour early is not yet one working day before");
        IntegrationHost.ScheduledAlerts(early).ShouldHaveSingleItem().Delay.ShouldBe(TimeSpan.FromMinutes(30));
        await host.Fire(soon);
        await host.Fire(soon, at: Hanoi(2026, 4, 29, 10, 5));
        (await host.RaisedAlerts(id)).ShouldHaveSingleItem().At.ShouldBe(Hanoi(2026, 4, 29, 10));
    }

    [Fact]
    public async Task an_apology_replans_and_the_alerts_of_the_old_appointment_are_ignored()
    {
        var (id, before) = await a_dossier_received_at(Hanoi(2026, 4, 20, 10));
        var unit = Procedure.Steps[0].Unit;
        host.Clock.SetUtcNow(Hanoi(2026, 4, 20, 11));
        await host.Tracked(() => host.Ok(id, "handovers", new { version = 2, step = 1, unit }, host.Reception));
        host.Clock.SetUtcNow(Hanoi(2026, 4, 28, 9));

        var apology = new
        {
            version = 3,
            reason = "Chờ ý kiến cơ quan phối hợp",
            newAppointment = Hanoi(2026, 5, 8, 10),
        };
        var after = IntegrationHost.ScheduledAlerts(await host.Tracked(() =>
            host.Ok(id, "delays", apology, host.Token("hd-01", "handler", unit))));

        var newSoon = after.Single(p => p.Alert.Kind == DeadlineAlertKind.AppointmentDueSoon).Alert;
        newSoon.FireAt.ShouldBe(Hanoi(2026, 5, 7, 10));
        after.Single(p => p.Alert.Kind == DeadlineAlertKind.AppointmentOverdue).Alert.FireAt
            .ShouldBe(Hanoi(2026, 5, 8, 10));
        foreach (var old in before.Where(p => p.Alert.Kind is DeadlineAlertKind.AppointmentDueSoon
                     or DeadlineAlertKind.AppointmentOverdue).OrderBy(p => p.Alert.FireAt))
            await host.Fire(old.Alert);
        (await host.RaisedAlerts(id)).ShouldBeEmpty("the old appointment's alerts no longer stand");
        await host.Fire(newSoon);
        (await host.RaisedAlerts(id)).Select(a => (a.Kind, a.Due, a.At)).ShouldBe(
            [(DeadlineAlertKind.AppointmentDueSoon, Hanoi(2026, 5, 8, 10), Hanoi(2026, 5, 7, 10))]);
    }

    [Fact]
    public async Task an_online_dossier_left_unanswered_raises_the_eight_working_hour_alerts()
    {
        host.Clock.SetUtcNow(Hanoi(2026, 4, 29, 9));
        var id = Guid.Empty;

        var planned = IntegrationHost.ScheduledAlerts(await host.Tracked(async () =>
            id = (await host.Submit(channel: "Online")).Id));

        var soon = planned.Single(p => p.Alert.Kind == DeadlineAlertKind.ReceptionDueSoon).Alert;
        var overdue = planned.Single(p => p.Alert.Kind == DeadlineAlertKind.ReceptionOverdue).Alert;
        overdue.FireAt.ShouldBe(Hanoi(2026, 5, 4, 9), "6.5 working hours on 29 April, 1.5 on Monday 4 May");
        soon.FireAt.ShouldBe(Hanoi(2026, 4, 29, 16, 30), "two working hours before, across the holidays");
        await host.Fire(soon);
        await host.Fire(overdue);
        (await host.RaisedAlerts(id)).Select(a => (a.Kind, a.At)).ShouldBe(
        [
            (DeadlineAlertKind.ReceptionDueSoon, Hanoi(2026, 4, 29, 16, 30)),
            (DeadlineAlertKind.ReceptionOverdue, Hanoi(2026, 5, 4, 9)),
        ]);
    }

    [Fact]
    public async Task an_online_dossier_received_in_time_ignores_its_reception_alert()
    {
        host.Clock.SetUtcNow(Hanoi(2026, 4, 29, 9));
        var id = Guid.Empty;
        var planned = IntegrationHost.ScheduledAlerts(await host.Tracked(async () =>
            id = (await host.Submit(channel: "Online")).Id));
        host.Clock.SetUtcNow(Hanoi(2026, 4, 29, 14));
        await host.Ok(id, "reception", new { version = 1 }, host.Reception);

        await host.Fire(planned.Single(p => p.Alert.Kind == DeadlineAlertKind.ReceptionOverdue).Alert);

        (await host.RaisedAlerts(id)).ShouldNotContain(a => a.Kind == DeadlineAlertKind.ReceptionOverdue);
    }

    [Fact]
    public async Task a_paper_dossier_not_handed_over_by_the_next_working_morning_raises_a_step_alert()
    {
        var (id, planned) = await a_dossier_received_at(Hanoi(2026, 4, 29, 16));

        var steps = planned.Where(p => p.Alert.Kind is DeadlineAlertKind.StepDueSoon or DeadlineAlertKind.StepOverdue)
            .ToList();
        var overdue = steps.ShouldHaveSingleItem("a deadline already within a working day gets no due-soon").Alert;
        overdue.Kind.ShouldBe(DeadlineAlertKind.StepOverdue);
        overdue.Step.ShouldBe(0, "step 0 is the way from the desk to the handling unit");
        overdue.FireAt.ShouldBe(Hanoi(2026, 5, 4, 11, 30), "received after 15:00: 11:30 of the next working day");
        await host.Fire(overdue);
        var raised = (await host.RaisedAlerts(id)).ShouldHaveSingleItem();
        (raised.Kind, raised.Step, raised.At)
            .ShouldBe((DeadlineAlertKind.StepOverdue, (int?)0, Hanoi(2026, 5, 4, 11, 30)));
    }

    [Fact]
    public async Task a_raised_alert_shows_in_the_worklist_and_the_audit_log()
    {
        var (id, planned) = await a_dossier_received_at(Hanoi(2026, 4, 20, 10));
        var code = (await ViewOf(id)).Code;

        await host.Fire(planned.Single(p => p.Alert.Kind == DeadlineAlertKind.AppointmentDueSoon).Alert);

        var item = (await Get("/api/worklist", host.Reception)).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == id);
        var alert = item.GetProperty("alerts").EnumerateArray().ShouldHaveSingleItem();
        alert.GetProperty("kind").GetString().ShouldBe("appointmentDueSoon");
        alert.GetProperty("at").GetDateTimeOffset().ShouldBe(Hanoi(2026, 4, 29, 10));
        item.GetProperty("timeliness").GetString().ShouldBe("dueSoon");
        var page = await host.Host.Scenario(s =>
        {
            s.Get.Url("/worklist");
            s.WithRequestHeader("Cookie", $"{OfficerCookie.Name}={host.Reception}");
        });
        (await page.ReadAsTextAsync()).ShouldContain("Sắp đến hẹn trả", Case.Sensitive, "the worklist page");
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(host.Host, TimeSpan.FromMinutes(1));
        var rows = (await Get($"/api/audit?dossier={code}&type=DeadlineAlertRaised",
            host.Token("in-01", "inspector", "THANHTRA"))).GetProperty("rows");
        var row = rows.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("officer").GetString().ShouldBe(DeadlineAlertDueHandler.System.OfficerId);
        row.GetProperty("at").GetDateTimeOffset().ShouldBe(Hanoi(2026, 4, 29, 10));
    }

    private Procedure Procedure =>
        host.Host.Services.GetRequiredService<ProcedureCatalogue>().Find(LedgerContext.ProcedureCode)!;

    /// <summary>A counter dossier received at the instant, with the alerts its reception scheduled.</summary>
    private async Task<(Guid Id, IReadOnlyList<(DeadlineAlertDue Alert, TimeSpan? Delay)> Planned)>
        a_dossier_received_at(DateTimeOffset at)
    {
        host.Clock.SetUtcNow(at);
        var (id, _) = await host.Submit();
        var tracked = await host.Tracked(() => host.Ok(id, "reception", new { version = 1 }, host.Reception));
        return (id, IntegrationHost.ScheduledAlerts(tracked));
    }

    private async Task<DossierView> ViewOf(Guid id)
    {
        await using var session = host.Store.QuerySession();
        return (await session.LoadAsync<DossierView>(id))!;
    }

    private async Task<JsonElement> Get(string url, string token)
    {
        var result = await host.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    private static DateTimeOffset Hanoi(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
