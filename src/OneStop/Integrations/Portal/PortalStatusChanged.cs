using Marten;
using OneStop.Calendar;
using OneStop.Projections.Dossiers;
using Wolverine;

namespace OneStop.Integrations.Portal;

/// <summary>A command at this version may have changed the dossier's national status.</summary>
public sealed record PortalStatusChanged(Guid DossierId, int Version);

/// <summary>
/// Delivers status changes to the portal in version order per dossier. The sync document, not the queue,
/// holds the order: a change whose delivery failed stays pending, and the next message for the same dossier
/// delivers it first. Acknowledged versions are skipped, so redelivered messages change nothing.
/// </summary>
public static partial class PortalStatusChangedHandler
{
    public static async Task Handle(
        PortalStatusChanged message,
        IDocumentStore store,
        PortalClient portal,
        IntegrationSettings settings,
        WorkingCalendar calendar,
        TimeProvider clock,
        Envelope envelope,
        ILogger<PortalClient> logger,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var sync = await session.LoadAsync<PortalSync>(message.DossierId, ct)
            ?? new PortalSync { Id = message.DossierId };
        if (!sync.Expect(message.Version))
            return;

        foreach (var version in sync.Pending.ToList())
        {
            var view = await session.Events.AggregateStreamAsync<DossierView>(message.DossierId, version, token: ct);
            if (view is null || view.Status == sync.AcknowledgedStatus)
            {
                sync.Skip(version);
                continue;
            }

            sync.Code = view.Code;
            var key = $"{view.Code}:{version}";
            try
            {
                var duplicate = await portal.SendAsync(PortalRecord.From(view, calendar), key, ct);
                sync.Acknowledge(version, view.Status, key, clock.GetUtcNow(), duplicate);
                LogAcknowledged(logger, view.Code, version, view.NationalStatusCode);
            }
            catch (PortalRefused refused)
            {
                sync.Refuse(version, view.Status, key, refused.Message, clock.GetUtcNow());
                LogRefused(logger, view.Code, version, refused.Message);
            }
            catch (PortalUnavailable unavailable)
            {
                var final = envelope.Attempts >= settings.FinalAttempt;
                sync.Fail(version, view.Status, key, unavailable.Message, clock.GetUtcNow(), final);
                session.Store(sync);
                await session.SaveChangesAsync(ct);
                LogUnavailable(logger, view.Code, version, envelope.Attempts, final, unavailable.Message);
                // Rethrown, so Wolverine's policy retries the message with backoff, then dead-letters it.
                throw;
            }

            session.Store(sync);
            await session.SaveChangesAsync(ct);
        }

        session.Store(sync);
        await session.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Portal acknowledged dossier {DossierCode} version {Version} with status {StatusCode}")]
    private static partial void LogAcknowledged(ILogger logger, string dossierCode, int version, int statusCode);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Portal refused dossier {DossierCode} version {Version}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string dossierCode, int version, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Portal unavailable for dossier {DossierCode} version {Version}, attempt {Attempt} " +
            "(giving up: {Final}): {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string dossierCode, int version, int attempt,
        bool final, string reason);
}
