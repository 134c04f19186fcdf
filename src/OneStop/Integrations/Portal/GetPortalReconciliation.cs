using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Hosting;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Integrations.Portal;

/// <summary>A dossier whose latest national status the portal has not acknowledged.</summary>
public sealed record UnsyncedDossier(
    Guid Id,
    string Code,
    DossierStatus Status,
    int StatusCode,
    DateTimeOffset LastChangedAt,
    int? AcknowledgedStatusCode,
    DateTimeOffset? AcknowledgedAt,
    int PendingChanges,
    int FailedAttempts,
    string? LastError,
    bool GivenUp);

/// <summary>The reconciliation report: how many dossiers are in step with the portal, and which are not.</summary>
public sealed record PortalReconciliation(
    bool PortalConfigured,
    long Dossiers,
    long Unacknowledged,
    IReadOnlyList<UnsyncedDossier> Items);

public static class GetPortalReconciliationEndpoint
{
    [WolverineGet("/api/portal/reconciliation")]
    [Authorize(Policy = Access.Portal)]
    public static async Task<PortalReconciliation> Get(
        IQuerySession session,
        HttpContext http,
        IntegrationSettings settings,
        int? limit)
    {
        Access.Demand(http, Access.Portal);
        var take = limit ?? 500;
        if (take is < 1 or > 5000)
            throw InvalidInput.Field("limit", "Between 1 and 5000.");

        // One pass in the database: the dossier view holds the latest status, the sync document the last
        // acknowledged one; a dossier with no sync document has never been acknowledged.
        var rows = await session.AdvancedSql.QueryAsync<string>($$"""
            select json_build_object(
                'id', v.id, 'code', v.data->>'code', 'status', v.data->>'status',
                'lastChangedAt', v.data->>'lastChangedAt',
                'acknowledgedStatus', s.data->>'acknowledgedStatus', 'acknowledgedAt', s.data->>'acknowledgedAt',
                'pending', coalesce(jsonb_array_length(s.data->'pending'), 0),
                'failedAttempts', coalesce((s.data->>'failedAttempts')::int, 0), 'lastError', s.data->>'lastError',
                'givenUp', coalesce(s.data->'deliveries' @> '[{"outcome":"GaveUp"}]', false),
                'total', count(*) over ())::text
            from {{LedgerSetup.Schema}}.mt_doc_dossierview v
            left join {{LedgerSetup.Schema}}.mt_doc_portalsync s on s.id = v.id
            where s.id is null or s.data->>'acknowledgedStatus' is distinct from v.data->>'status'
            order by v.data->>'lastChangedAt'
            limit {{take}}
            """, http.RequestAborted);
        var total = await session.Query<Projections.Dossiers.DossierView>().CountAsync(http.RequestAborted);

        var items = rows.Select(r => JsonSerializer.Deserialize<Row>(r, Json)!).ToList();
        var unacknowledged = items.Count == 0 ? 0 : items[0].Total;
        return new PortalReconciliation(settings.PortalEnabled, total, unacknowledged, [.. items.Select(r =>
            new UnsyncedDossier(r.Id, r.Code, r.Status, (int)r.Status, r.LastChangedAt,
                r.AcknowledgedStatus is { } a ? (int)a : null, r.AcknowledgedAt, r.Pending, r.FailedAttempts,
                r.LastError, r.GivenUp))]);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record Row(Guid Id, string Code, DossierStatus Status, DateTimeOffset LastChangedAt,
        DossierStatus? AcknowledgedStatus, DateTimeOffset? AcknowledgedAt, int Pending, int FailedAttempts,
        string? LastError, bool GivenUp, long Total);
}
