using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneStop.Hosting;

/// <summary>Ready means the ledger database answers.</summary>
public sealed class LedgerHealth(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.AdvancedSql.QueryAsync<int>("select 1", ct);
            return HealthCheckResult.Healthy("The ledger database answers.");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The ledger database does not answer.");
        }
    }
}
