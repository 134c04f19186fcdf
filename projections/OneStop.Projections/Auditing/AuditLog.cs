using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using OneStop.Applicants;
using OneStop.Dossiers;

namespace OneStop.Projections.Auditing;

/// <summary>One row of the audit log: who did what to which dossier, when and through what (rule 10).</summary>
/// <remarks>Only metadata: event bodies, and so personal data and free-text reasons, are never copied.</remarks>
public sealed record AuditEntry(
    long Id,
    Guid DossierId,
    string? DossierCode,
    long Version,
    string EventType,
    string Officer,
    string Role,
    string Unit,
    string? OnBehalfOf,
    string? Channel,
    string? Device,
    DateTimeOffset At,
    DateTimeOffset StoredAt,
    string? CorrelationId,
    string? CausationId,
    string? UserName)
{
    /// <summary>The global event sequence: the stable cursor of the log.</summary>
    public long Sequence => Id;
}

/// <summary>
/// Builds <see cref="AuditEntry"/> rows, one per event, in batches. Each event is applied once (the daemon commits
/// a batch's rows with its progress), so rows are inserted, never upserted: a rebuild then writes them with
/// PostgreSQL's COPY (<c>RebuildWithBulkCopy</c>).
/// </summary>
public sealed class AuditLogProjection : IProjection
{
    private const int RememberedCodes = 100_000;

    // A dossier's code is fixed by its submission: the codes of the dossiers seen lately are kept, so a batch asks
    // the event store only for the others.
    private readonly ConcurrentDictionary<Guid, string> knownCodes = new();

    public const string Name = "AuditLog";

    /// <summary>Marten's filler for a sequence number a failed append had reserved (a lost race).</summary>
    public const string Tombstone = "tombstone";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events,
        CancellationToken cancellation)
    {
        var codes = await DossierCodesAsync(operations, events, cancellation);
        // A tombstone records no action by anyone: the ledger's integrity walk accounts for it instead.
        foreach (var e in events.Where(e => e.EventTypeName != Tombstone))
            operations.Insert(Row(e, codes.GetValueOrDefault(DossierOf(e))));
        if (knownCodes.Count + codes.Count > RememberedCodes)
            knownCodes.Clear();
        foreach (var (dossier, code) in codes)
            knownCodes[dossier] = code;
    }

    public static AuditEntry Row(IEvent e, string? dossierCode)
    {
        var (at, by) = EventFacts.Of(e.Data);
        return new AuditEntry(
            e.Sequence,
            DossierOf(e),
            dossierCode,
            e.Version,
            e.EventTypeName,
            Header(e, "officer") ?? by?.OfficerId ?? "system",
            Header(e, "role") ?? by?.Role ?? "system",
            Header(e, "unit") ?? by?.Unit ?? "system",
            Header(e, "onBehalfOf") ?? by?.OnBehalfOf,
            Header(e, "channel"),
            Header(e, "device"),
            (at ?? e.Timestamp).ToUniversalTime(),
            e.Timestamp,
            e.CorrelationId,
            e.CausationId,
            e.UserName);
    }

    /// <summary>A dossier's access log is a stream of its own; its rows belong to the dossier.</summary>
    public static Guid DossierOf(IEvent e) => AccessLog.DossierOf(e.Data) ?? e.StreamId;

    private static string? Header(IEvent e, string key) => e.GetHeader(key)?.ToString();

    /// <summary>
    /// Only the submission carries the dossier code. It is read from the event store itself, never from
    /// another projection, so this one rebuilds alone and in any order.
    /// </summary>
    private async Task<Dictionary<Guid, string>> DossierCodesAsync(IQuerySession session,
        IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var codes = events.Select(e => e.Data).OfType<DossierSubmitted>()
            .GroupBy(s => s.DossierId).ToDictionary(g => g.Key, g => g.First().Code);
        foreach (var dossier in events.Select(DossierOf))
        {
            if (!codes.ContainsKey(dossier) && knownCodes.TryGetValue(dossier, out var known))
                codes[dossier] = known;
        }

        var missing = events.Select(DossierOf).Where(id => !codes.ContainsKey(id)).Distinct().ToArray();
        if (missing.Length == 0)
            return codes;

        var submissions = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(missing) && e.EventTypeName == SubmittedType)
            .ToListAsync(cancellation);
        foreach (var e in submissions)
        {
            if (e.Data is DossierSubmitted submitted)
                codes[submitted.DossierId] = submitted.Code;
        }
        return codes;
    }

    private const string SubmittedType = "dossier_submitted";
}
