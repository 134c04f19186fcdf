using JasperFx.Events;
using Marten;
using OneStop.Hosting;
using OneStop.Projections.Oversight;

namespace OneStop.Overseeing;

/// <summary>
/// The compliance facts of a period, loaded once per state of the facts projection: every report of the same
/// period shares one load until the projection applies another event, then the next request loads afresh.
/// The answer is therefore exactly what a fresh load gives; only the load is shared. Judging open dossiers
/// against the clock still happens on every request. The state is the projection's position and the time of its
/// last update, so a rebuild (in any process) that passes through the same position still shows as a change.
/// </summary>
public sealed class FactsCache(IDocumentStore store)
{
    private const int Periods = 16;
    private readonly Lock gate = new();
    private readonly Dictionary<(DateTimeOffset, DateTimeOffset), Entry> entries = [];
    private string? shardName;

    public async Task<IReadOnlyList<DossierFacts>> InAsync(ReportingPeriod period, CancellationToken ct)
    {
        // The projection's position is read before the facts, so a load is never older than its key.
        var position = await PositionAsync(ct);
        var key = (period.Start, period.End);
        Task<IReadOnlyList<DossierFacts>> load;
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry) || entry.Position != position || entry.Load.IsFaulted
                || entry.Load.IsCanceled)
            {
                if (entries.Count >= Periods && !entries.ContainsKey(key))
                    entries.Remove(entries.MinBy(e => e.Value.Used).Key);
                entry = new Entry(position, LoadAsync(period));
                entries[key] = entry;
            }

            entry.Used = Environment.TickCount64;
            load = entry.Load;
        }

        return await load.WaitAsync(ct);
    }

    /// <summary>A load of its own, not tied to one request, since several requests may wait on it.</summary>
    private async Task<IReadOnlyList<DossierFacts>> LoadAsync(ReportingPeriod period)
    {
        await using var session = store.QuerySession();
        return await ComplianceTally.FactsInAsync(session, period, CancellationToken.None);
    }

    private async Task<(long Sequence, DateTime Updated)> PositionAsync(CancellationToken ct)
    {
        shardName ??= ((IEventStore<IDocumentOperations, IQuerySession>)store).AllShards()
            .Select(s => s.Name.Identity)
            .First(name => name.StartsWith(DossierFactsProjection.ProjectionName + ":", StringComparison.Ordinal));
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "select last_seq_id, last_updated " +
            $"from {LedgerSetup.Schema}.mt_event_progression where name = @name";
        command.Parameters.AddWithValue("name", shardName);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt64(0), reader.IsDBNull(1) ? DateTime.MinValue : reader.GetDateTime(1))
            : (-1, DateTime.MinValue);
    }

    private sealed class Entry((long, DateTime) position, Task<IReadOnlyList<DossierFacts>> load)
    {
        public (long, DateTime) Position { get; } = position;
        public Task<IReadOnlyList<DossierFacts>> Load { get; } = load;
        public long Used { get; set; }
    }
}
