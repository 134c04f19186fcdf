using JasperFx;
using Marten;
using Marten.Exceptions;
using Npgsql;
using OneStop.Dossiers;

namespace OneStop.Applicants;

/// <summary>
/// Appends one entry to a dossier's access log, in the same transaction as any change to the applicant
/// record, stamped with the same audit metadata as every command (rule 10). Two officers reading the same
/// dossier at the same instant both append: the loser of the race retries on the new version.
/// </summary>
public static class AccessLogWriter
{
    private const int Attempts = 3;

    public static async Task AppendAsync(
        IDocumentStore store,
        CommandOrigin origin,
        Guid dossierId,
        object entry,
        Action<IDocumentSession>? alongside,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            alongside?.Invoke(session);
            AuditMetadata.Stamp(session, origin);
            session.Events.Append(AccessLog.StreamOf(dossierId), entry);
            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsRace(e))
            {
            }
        }
    }

    private static bool IsRace(Exception e) => e is ConcurrencyException or ExistingStreamIdCollisionException
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
