using CsvHelper.Configuration;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Exporting;
using OneStop.Problems;
using OneStop.Projections.Auditing;
using Wolverine.Http;

namespace OneStop.Auditing;

/// <summary>One page of audit rows in sequence order; <c>NextAfter</c> is the cursor of the next page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, long? NextAfter);

public static class GetAuditLogEndpoint
{
    public const int DefaultLimit = 100;
    public const int DefaultCsvLimit = 10_000;
    public const int MaxLimit = 100_000;
    public const string NextAfterHeader = "X-Next-After";

    /// <summary>
    /// Rows filtered by dossier (id or code), acting officer, unit, event type and business-time period
    /// [from, to). Pages follow the global sequence, which never changes, so a cursor stays valid while
    /// events are appended.
    /// </summary>
    [WolverineGet("/api/audit")]
    [Authorize(Policy = Access.Audit)]
    public static async Task<IResult> Get(
        IQuerySession session,
        HttpContext http,
        string? dossier,
        string? actor,
        string? unit,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? type,
        long? after,
        int? limit)
    {
        Access.Demand(http, Access.Audit);
        var csv = CsvExport.IsWanted(http);
        var take = limit ?? (csv ? DefaultCsvLimit : DefaultLimit);
        if (take is < 1 or > MaxLimit)
            throw InvalidInput.Field("limit", $"Give a limit from 1 to {MaxLimit}.");

        var rows = await Filter(session.Query<AuditEntry>(), dossier, actor, unit, InputRules.Instant(from, "from"),
                InputRules.Instant(to, "to"), type, after ?? 0)
            .OrderBy(x => x.Id).Take(take).ToListAsync(http.RequestAborted);

        long? next = rows.Count == take ? rows[^1].Id : null;
        if (next is not null)
            http.Response.Headers[NextAfterHeader] = next.ToString();
        return csv
            ? CsvExport.File(rows, "audit.csv", new AuditCsvMap())
            : Results.Ok(new AuditPage(rows, next));
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> rows, string? dossier, string? actor,
        string? unit, DateTimeOffset? from, DateTimeOffset? to, string? type, long after)
    {
        // Rows projected before tombstones were skipped: a failed append's filler is nobody's action.
        rows = rows.Where(x => x.Id > after && x.EventType != AuditLogProjection.Tombstone);
        if (Guid.TryParse(dossier, out var id))
            rows = rows.Where(x => x.DossierId == id);
        else if (!string.IsNullOrWhiteSpace(dossier))
            rows = rows.Where(x => x.DossierCode == dossier.Trim());
        if (!string.IsNullOrWhiteSpace(actor))
            rows = rows.Where(x => x.Officer == actor.Trim());
        if (!string.IsNullOrWhiteSpace(unit))
            rows = rows.Where(x => x.Unit == unit.Trim());
        if (!string.IsNullOrWhiteSpace(type))
        {
            var eventType = EventTypeName(type);
            rows = rows.Where(x => x.EventType == eventType);
        }
        // PostgreSQL's timestamptz parameters must be given in UTC.
        if (from?.ToUniversalTime() is { } start)
            rows = rows.Where(x => x.At >= start);
        if (to?.ToUniversalTime() is { } end)
            rows = rows.Where(x => x.At < end);
        return rows;
    }

    /// <summary>Marten's stored name (<c>dossier_received</c>), also given as the class name.</summary>
    public static string EventTypeName(string type)
    {
        var name = new System.Text.StringBuilder();
        foreach (var c in type.Trim())
        {
            if (char.IsUpper(c) && name.Length > 0 && name[^1] != '_')
                name.Append('_');
            name.Append(char.ToLowerInvariant(c));
        }
        return name.ToString();
    }

    private sealed class AuditCsvMap : ClassMap<AuditEntry>
    {
        public AuditCsvMap()
        {
            AutoMap(System.Globalization.CultureInfo.InvariantCulture);
            // Id is the global sequence; the Sequence property repeats it, so one column carries it.
            Map(x => x.Id).Name("Sequence");
            Map(x => x.Sequence).Ignore();
        }
    }
}
