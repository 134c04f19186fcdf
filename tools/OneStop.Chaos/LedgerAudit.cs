using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Marten;
using Npgsql;
using OneStop.Hosting;
using OneStop.Integrity;

namespace OneStop.Chaos;

/// <summary>
/// Compares the driver's log with what the ledger holds, event by event, through the correlation id every
/// command carried; then checks that async projections caught up and equal a full rebuild, that the hash
/// chain verifies, and that Wolverine's durable inbox and outbox drained.
/// </summary>
public sealed class LedgerAudit(ChaosLedger ledger, CommandLog log, Verdict verdict)
{
    private const string S = "onestop";

    public async Task LedgerMatchesLogAsync()
    {
        var all = await EventsAsync();
        // Marten's placeholders for sequence numbers that failed appends reserved: bookkeeping, not commands.
        var events = all.Where(e => e.Type != LedgerSchema.TombstoneType).ToList();
        var commands = log.Entries.ToDictionary(e => e.Correlation);
        var byCorrelation = events.GroupBy(e => e.Correlation).ToDictionary(g => g.Key, g => g.ToList());

        var orphans = events.Where(e => !commands.TryGetValue(e.Correlation, out var c) || c.Outcome == Outcome.Refused)
            .ToList();
        verdict.Check("no event without a 2xx or an in-flight command", orphans.Count == 0,
            orphans.Count == 0 ? $"{events.Count} events, each traced to its command"
                : $"{orphans.Count} unexplained, first seq {orphans[0].Sequence} type {orphans[0].Type}");

        var acknowledged = commands.Values.Where(c => c.Outcome == Outcome.Acknowledged).ToList();
        var missing = acknowledged
            .Where(c => !Matches(c, byCorrelation.GetValueOrDefault(c.Correlation), true)).ToList();
        verdict.Check("every 2xx command in the ledger exactly once (stream, version, type)", missing.Count == 0,
            missing.Count == 0 ? $"{acknowledged.Count} acknowledged commands found once each"
                : $"{missing.Count} missing or duplicated, first {missing[0].EventType} on {missing[0].Dossier} " +
                  $"v{missing[0].Version}");

        var inFlight = commands.Values.Where(c => c.Outcome == Outcome.InFlight).ToList();
        var committed = inFlight.Count(c => byCorrelation.ContainsKey(c.Correlation));
        var doubled = inFlight.Where(c => byCorrelation.TryGetValue(c.Correlation, out var found)
            && !Matches(c, found, false)).ToList();
        verdict.Check("in-flight commands committed at most once", doubled.Count == 0,
            $"{inFlight.Count} in flight when killed or cut off: {committed} committed, " +
            $"{inFlight.Count - committed} not; {doubled.Count} duplicated or misplaced");

        var broken = events.GroupBy(e => e.Stream)
            .Where(g => !g.Select(e => e.Version).Order()
                .SequenceEqual(Enumerable.Range(1, g.Count()).Select(v => (long)v)))
            .Select(g => g.Key).ToList();
        verdict.Check("every stream's versions run 1..n without gap or repeat", broken.Count == 0,
            $"{events.Select(e => e.Stream).Distinct().Count()} streams; {broken.Count} broken");
        var refused = commands.Values.Count(c => c.Outcome == Outcome.Refused);
        verdict.Note($"commands: {acknowledged.Count} acknowledged, {refused} refused (409/4xx), " +
            $"{inFlight.Count} in flight; {all.Count - events.Count} Marten tombstones for failed appends");
    }

    /// <summary>Waits for every async projection to reach the last event (a service must be running).</summary>
    public async Task<bool> ProjectionsCaughtUpAsync(TimeSpan catchUpLimit)
    {
        var clock = Stopwatch.StartNew();
        long top = 0;
        Dictionary<string, long> progress = [];
        while (clock.Elapsed < catchUpLimit)
        {
            top = await ScalarAsync($"select coalesce(max(seq_id), 0) from {S}.mt_events");
            progress = await ProgressAsync();
            if (progress.Count > 0 && progress.Values.All(p => p >= top))
                break;
            await Task.Delay(250);
        }

        return verdict.Check("async projections caught up", progress.Count > 0 && progress.Values.All(p => p >= top),
            $"{string.Join(", ", progress.Select(p => $"{p.Key}={p.Value}"))} of {top} " +
            $"after {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Rebuilds every projection (inline and async) from the events with the service's own Marten setup, in
    /// this process and with no service running, and compares every document before and after.
    /// </summary>
    public async Task ReadModelsEqualRebuildAsync()
    {
        var before = await DocumentsAsync();
        var clock = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            await RebuildAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or NpgsqlException)
        {
            failure = e.Message;
        }

        var after = await DocumentsAsync();
        var differing = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).ToList();
        verdict.Check("read models equal a full rebuild", failure is null && differing.Count == 0,
            failure is not null ? $"rebuild failed: {failure}"
                : $"{before.Count} documents in {before.Keys.Select(k => k.Table).Distinct().Count()} tables " +
                  $"rebuilt in {clock.Elapsed.TotalSeconds:F1} s; {differing.Count} differ" +
                  (differing.Count > 0 ? $", first {differing[0]}" : ""));
    }

    private async Task RebuildAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.AddLedger(ledger.DriverConnectionString);
        await using var services = builder.Build();
        var store = (DocumentStore)services.Services.GetRequiredService<IDocumentStore>();
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var projection in store.Options.Projections.All)
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(5), CancellationToken.None);
    }

    /// <summary>POST /api/ledger/verification as an inspector: the hash chain and signed checkpoints hold.</summary>
    public async Task LedgerVerifiesAsync(Uri service)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ledger/verification")
        {
            Content = JsonContent.Create(new { }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ledger.Inspector);
        using var response = await http.SendAsync(request);
        var report = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        var intact = response.IsSuccessStatusCode && report.GetProperty("intact").GetBoolean();
        verdict.Check("the hash-chained ledger verifies", intact, response.IsSuccessStatusCode
            ? report.GetProperty("summary").GetString() ?? ""
            : $"verification answered {(int)response.StatusCode}");
    }

    /// <summary>Durable messages (portal sync, alerts) all delivered: inbox and outbox empty.</summary>
    public async Task DurableMessagesDeliveredAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var tables = await TablesAsync("wolverine_outgoing_envelopes", "wolverine_incoming_envelopes",
            "wolverine_dead_letters");
        if (tables.Count == 0)
        {
            verdict.Note("no Wolverine envelope tables: no durable messaging in this build, delivery not checked");
            return;
        }

        long waiting;
        do
        {
            waiting = 0;
            foreach (var (schema, table) in tables)
                // Deadline alerts wait, durably, for their instant: only one whose instant has passed is late.
                waiting += await ScalarAsync(table == "wolverine_incoming_envelopes"
                    ? $"select count(*) from {schema}.{table} where status = 'Incoming' " +
                      "or (status = 'Scheduled' and execution_time < now() - interval '30 seconds')"
                    : $"select count(*) from {schema}.{table}");
            if (waiting == 0)
                break;
            await Task.Delay(500);
        }
        while (clock.Elapsed < limit);

        long sent = 0, scheduled = 0;
        foreach (var (schema, table) in tables.Where(t => t.Table == "wolverine_incoming_envelopes"))
        {
            sent += await ScalarAsync($"select count(*) from {schema}.{table} where status = 'Handled'");
            scheduled += await ScalarAsync($"select count(*) from {schema}.{table} where status = 'Scheduled'");
        }
        var detail = $"{waiting} waiting after {clock.Elapsed.TotalSeconds:F1} s; {sent} handled envelopes kept " +
            $"for idempotency; {scheduled} deadline alerts scheduled for later";
        if (waiting > 0)
            detail += "; waiting: " + await WaitingEnvelopesAsync(tables);
        verdict.Check("durable messages all delivered (outbox, inbox, dead letters empty)", waiting == 0, detail);
    }

    private async Task<string> WaitingEnvelopesAsync(List<(string Schema, string Table)> tables)
    {
        var kinds = new List<string>();
        foreach (var (schema, table) in tables)
        {
            var sql = table switch
            {
                "wolverine_incoming_envelopes" =>
                    $"select status || ' ' || message_type, count(*) from {schema}.{table} " +
                    "where status <> 'Handled' and status <> 'Scheduled' group by 1",
                "wolverine_dead_letters" =>
                    $"select message_type || ': ' || coalesce(exception_message, ''), count(*) " +
                    $"from {schema}.{table} group by 1",
                _ => $"select message_type, count(*) from {schema}.{table} group by 1",
            };
            await using var connection = await OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                kinds.Add($"{table}: {reader.GetString(0)} ×{reader.GetInt64(1)}");
        }

        return string.Join("; ", kinds);
    }

    private static bool Matches(LoggedCommand command, List<Event>? events, bool mustExist)
    {
        if (events is null)
            return !mustExist;
        var stream = events[0].Stream;
        return events.All(e => e.Stream == stream)
            && (command.Dossier is null || command.Dossier == stream)
            && events.Count(e => e.Type == command.EventType) == 1
            && (command.Version is null || events.Max(e => e.Version) == command.Version);
    }

    private async Task<List<Event>> EventsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select stream_id, version, type, correlation_id, seq_id from {S}.mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<Event>();
        while (await reader.ReadAsync())
            events.Add(new Event(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2),
                reader.IsDBNull(3) || !Guid.TryParse(reader.GetString(3), out var c) ? Guid.Empty : c,
                reader.GetInt64(4)));
        return events;
    }

    private async Task<Dictionary<string, long>> ProgressAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select name, last_seq_id from {S}.mt_event_progression where name not like 'HighWater%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var progress = new Dictionary<string, long>();
        while (await reader.ReadAsync())
            progress[reader.GetString(0)] = reader.GetInt64(1);
        return progress;
    }

    private async Task<Dictionary<(string Table, string Id), string>> DocumentsAsync()
    {
        var documents = new Dictionary<(string, string), string>();
        foreach (var (schema, table) in await TablesAsync("mt_doc_%"))
        {
            await using var connection = await OpenAsync();
            await using var command =
                new NpgsqlCommand($"select id::text, data::text from {schema}.{table}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                documents[(table, reader.GetString(0))] = reader.GetString(1);
        }

        return documents;
    }

    private async Task<List<(string Schema, string Table)>> TablesAsync(params string[] patterns)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select table_schema, table_name from information_schema.tables where table_name like any(@p) " +
            "order by 1, 2", connection);
        command.Parameters.AddWithValue("p", patterns);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<(string, string)>();
        while (await reader.ReadAsync())
            tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ledger.DriverConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string Tail(string output) => string.Join(" | ", output.Trim().Split('\n').TakeLast(3));

    private sealed record Event(Guid Stream, long Version, string Type, Guid Correlation, long Sequence);
}
