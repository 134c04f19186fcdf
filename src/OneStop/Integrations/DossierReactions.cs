using JasperFx.Events;
using Marten;
using OneStop.Dossiers;
using OneStop.Integrations.Alerts;
using OneStop.Integrations.Notifications;
using OneStop.Integrations.Portal;

namespace OneStop.Integrations;

/// <summary>
/// Turns a command's events into the messages partners need, and puts them into Wolverine's durable outbox
/// inside the command's own transaction: the envelopes are rows committed with the events, or not at all.
/// </summary>
public sealed class DossierReactions(IntegrationSettings settings) : ICommitHook
{
    public async ValueTask BeforeCommitAsync(IDocumentSession session, PendingCommit commit, CancellationToken ct)
    {
        if (commit.Origin.Simulated)
            return;
        var messages = For(commit, settings);
        if (messages.Count == 0)
            return;

        // Marten's message sink is the same Wolverine outbox its inline side effects use: one per session,
        // enlisted in this session's transaction and flushed to the local durable queues after the commit.
        var sink = await ((IStorageOperations)session).GetOrStartMessageSink();
        foreach (var message in messages)
            await sink.PublishAsync(message, session.TenantId);
    }

    /// <summary>The messages that follow from a command's events; pure, so tests read them directly.</summary>
    public static IReadOnlyList<object> For(PendingCommit commit, IntegrationSettings settings)
    {
        var messages = new List<object>();
        var id = commit.DossierId;
        if (settings.PortalEnabled && commit.Events.Any(MayChangeNationalStatus))
            messages.Add(new PortalStatusChanged(id, commit.Version));
        if (settings.NotificationsEnabled)
        {
            messages.AddRange(commit.Events.Select(NotificationTemplates.For).OfType<NotificationTemplate>()
                .Distinct().Select(t => new NotifyApplicant(id, commit.Version, t)));
        }

        if (settings.AlertsEnabled && commit.Events.Any(MovesADeadline))
            messages.Add(new PlanDeadlineAlerts(id, commit.Version));
        return messages;
    }

    /// <summary>
    /// Events after which the national status may differ. The portal handler reads the status itself from
    /// the dossier as of the version, so an event that turns out to leave it unchanged sends nothing.
    /// </summary>
    public static bool MayChangeNationalStatus(object e) => e is DossierSubmitted or DossierReceived
        or DossierRefused or SupplementRequested or SupplementProvided or DossierHandedOver or DecisionMade
        or ResultReturned or DossierWithdrawn or ProcessingStopped;

    /// <summary>Events that set, move or end a deadline an alert watches.</summary>
    public static bool MovesADeadline(object e) => e is DossierSubmitted { ReceptionDeadline: not null }
        or DossierReceived or DossierRefused or SupplementRequested or SupplementProvided or DossierHandedOver
        or DelayApologised or EventCorrected;
}
