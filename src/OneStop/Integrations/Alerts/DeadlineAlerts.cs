using Marten;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Projections.Dossiers;
using Wolverine;

namespace OneStop.Integrations.Alerts;

/// <summary>A command moved a dossier's deadlines: plan its alerts again.</summary>
public sealed record PlanDeadlineAlerts(Guid DossierId, int Version);

/// <summary>A durable scheduled alert: it fires at FireAt, about the deadline Due.</summary>
public sealed record DeadlineAlertDue(Guid DossierId, DeadlineAlertKind Kind, DateTimeOffset Due, int? Step,
    DateTimeOffset FireAt);

/// <summary>
/// Schedules each planned alert as a durable Wolverine message. Earlier schedules are not cancelled: an
/// alert that no longer matches the dossier's deadlines when it fires is ignored, which is simpler and
/// survives restarts as well.
/// </summary>
public static class PlanDeadlineAlertsHandler
{
    public static async Task Handle(
        PlanDeadlineAlerts message,
        IDocumentStore store,
        WorkingCalendar calendar,
        TimeProvider clock,
        IMessageContext bus,
        CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var view = await session.LoadAsync<DossierView>(message.DossierId, ct);
        if (view is null)
            return;

        var now = clock.GetUtcNow();
        foreach (var alert in DeadlineAlertPlan.For(view, calendar))
        {
            var due = new DeadlineAlertDue(view.Id, alert.Kind, alert.Due, alert.Step, alert.FireAt);
            // Wolverine's scheduler runs on the machine's clock; the delay is measured on the ledger's.
            if (alert.FireAt <= now)
                await bus.PublishAsync(due);
            else
                await bus.ScheduleAsync(due, alert.FireAt - now);
        }
    }
}

/// <summary>Raises the alert as an event on the dossier, unless it is stale, early or already raised.</summary>
public static class DeadlineAlertDueHandler
{
    public static readonly Actor System = new("deadline-alerts", "system", "system");

    public static async Task Handle(
        DeadlineAlertDue message,
        IDocumentStore store,
        WorkingCalendar calendar,
        TimeProvider clock,
        IMessageContext bus,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var view = await session.LoadAsync<DossierView>(message.DossierId, ct);
        if (view is null || !DeadlineAlertPlan.StillStands(view, calendar, message.Kind, message.Due, message.Step))
            return;
        if (view.Alerts.Any(a => a.Kind == message.Kind && a.Due == message.Due && a.Step == message.Step))
            return;
        var now = clock.GetUtcNow();
        if (now < message.FireAt)
        {
            await bus.ScheduleAsync(message, message.FireAt - now);
            return;
        }

        AuditMetadata.Stamp(session, new CommandOrigin(System, now,
            bus.CorrelationId ?? Guid.CreateVersion7().ToString(), bus.Envelope?.Id.ToString() ?? "deadline-alerts",
            "deadline-alerts"));
        // The expected version makes an officer's command that lands first win; the alert is then retried.
        session.Events.Append(view.Id, view.Version + 1,
            new DeadlineAlertRaised(message.Kind, message.Due, message.Step, now));
        await session.SaveChangesAsync(ct);
    }
}
