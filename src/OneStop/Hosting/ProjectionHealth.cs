using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneStop.Hosting;

/// <summary>`OneStop:Health:ProjectionStallSeconds`: how long a lagging projection may stand still.</summary>
public sealed record ProjectionStallLimit(TimeSpan Value)
{
    public static ProjectionStallLimit From(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("OneStop:Health:ProjectionStallSeconds", 120))));
}

/// <summary>
/// What each async projection had reached when it was last seen moving. Kept between health checks (which
/// are created anew for every probe) so that "not moving" can be told from "busy".
/// </summary>
public sealed class ProjectionProgressWatch
{
    private readonly ConcurrentDictionary<string, (long Sequence, DateTimeOffset Since)> seen = new();

    /// <summary>How long the projection has stood at this sequence with events still to apply.</summary>
    public TimeSpan StandingFor(string projection, long sequence, bool lagging, DateTimeOffset now)
    {
        if (!lagging)
        {
            seen.TryRemove(projection, out _);
            return TimeSpan.Zero;
        }

        var entry = seen.AddOrUpdate(projection, (sequence, now),
            (_, previous) => previous.Sequence == sequence ? previous : (sequence, now));
        return now - entry.Since;
    }
}

/// <summary>
/// Ready also means the read models keep up: an async projection that has events to apply but has not moved
/// for longer than the limit is stalled, and people reading dashboards would see a past that no longer holds.
/// </summary>
public sealed class ProjectionHealth(
    IDocumentStore store,
    ProjectionProgressWatch watch,
    ProjectionStallLimit limit,
    TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        Dictionary<string, long> progress;
        try
        {
            progress = await ProjectionProgress.ReadAsync(store, ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The projections' progress cannot be read.");
        }

        // Only shards this store runs: a retired projection version keeps its row, which never moves again.
        var registered = ((IEventStore<IDocumentOperations, IQuerySession>)store).AllShards()
            .Select(s => s.Name.Identity).ToHashSet(StringComparer.Ordinal);
        var current = progress.Where(p => p.Key.StartsWith("HighWater", StringComparison.Ordinal)
            || registered.Contains(p.Key)).ToDictionary();
        var stalled = Stalled(current, watch, limit.Value, clock.GetUtcNow());
        return stalled.Count == 0
            ? HealthCheckResult.Healthy("The projections keep up.")
            : HealthCheckResult.Unhealthy("Projections stalled: " + string.Join(", ", stalled) + ".");
    }

    /// <summary>The projections behind the high-water mark that have not moved for longer than the limit.</summary>
    public static List<string> Stalled(
        IReadOnlyDictionary<string, long> progress,
        ProjectionProgressWatch watch,
        TimeSpan limit,
        DateTimeOffset now)
    {
        var highWater = ProjectionProgress.HighWaterMark(progress);
        return ProjectionProgress.Projections(progress)
            .Select(p => (Name: p.Key, Lag: highWater - p.Value,
                Standing: watch.StandingFor(p.Key, p.Value, highWater > p.Value, now)))
            .Where(p => p.Standing > limit)
            .Select(p => $"{p.Name} ({p.Lag} events behind, still for {p.Standing.TotalSeconds:F0} s)")
            .ToList();
    }
}

/// <summary>How far the async daemon has got: the high-water mark and each projection's last sequence.</summary>
public static class ProjectionProgress
{
    public static async Task<Dictionary<string, long>> ReadAsync(IDocumentStore store, CancellationToken ct)
    {
        var progress = new Dictionary<string, long>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select name, last_seq_id from {LedgerSetup.Schema}.mt_event_progression";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            progress[reader.GetString(0)] = reader.GetInt64(1);
        return progress;
    }

    public static long HighWaterMark(IReadOnlyDictionary<string, long> progress) =>
        progress.GetValueOrDefault("HighWaterMark");

    /// <summary>The projections' rows, without the daemon's own high-water marks.</summary>
    public static IEnumerable<KeyValuePair<string, long>> Projections(IReadOnlyDictionary<string, long> progress) =>
        progress.Where(p => !p.Key.StartsWith("HighWater", StringComparison.Ordinal));
}
