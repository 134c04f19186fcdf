using System.Diagnostics;

namespace OneStop.Chaos;

public sealed record RestartOptions(int Outages = 3, int DownSeconds = 5, int Seconds = 60, int Clients = 6,
    bool Keep = false);

/// <summary>
/// Drives the command mix while PostgreSQL is stopped (fast shutdown: sessions cut) and started again on the
/// same port, several times, without touching the service: it must answer 503 + Retry-After while the database
/// is away, say so on /health/ready, and come back by itself with nothing lost.
/// </summary>
public static class DatabaseRestartRun
{
    public static async Task<Verdict> RunAsync(RestartOptions options)
    {
        var verdict = new Verdict("db-restart");
        Console.WriteLine($"db-restart: {options.Outages} outages of {options.DownSeconds} s over about " +
            $"{options.Seconds} s, {options.Clients} clients");
        await using var ledger = await ChaosLedger.StartAsync("dbrestart", options.Keep);
        using var log = new CommandLog(Path.Combine(ledger.Folder, "commands.jsonl"));
        await using var node = new ServiceNode(ledger, "node1", ChaosLedger.FreePort(), "Solo");
        await node.StartAsync();
        var mix = new CommandMix(() => node.Url, ledger, log);
        using var stop = new CancellationTokenSource();
        await mix.PrepareAsync(4, stop.Token);
        var driving = mix.RunAsync(options.Clients, stop.Token);

        using var probe = new HttpClient { BaseAddress = node.Url, Timeout = TimeSpan.FromSeconds(10) };
        var slice = TimeSpan.FromSeconds(options.Seconds / (double)options.Outages);
        var readyWhileDown = new List<int>();
        var recoveries = new List<double>();
        var auditLagAfter = new List<double>();
        for (var outage = 0; outage < options.Outages; outage++)
        {
            var started = Stopwatch.StartNew();
            await Task.Delay(slice / 3);
            await ledger.Postgres.PauseAsync();
            var down = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(1.5, options.DownSeconds / 2.0)));
            readyWhileDown.Add((int)(await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(options.DownSeconds) - down.Elapsed);
            await ledger.Postgres.ResumeAsync();

            var back = Stopwatch.StartNew();
            var acknowledged = log.Count(Outcome.Acknowledged);
            while (log.Count(Outcome.Acknowledged) == acknowledged && back.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(50);
            recoveries.Add(back.Elapsed.TotalSeconds);
            auditLagAfter.Add(await AuditLogCatchesUpAsync(ledger, back));
            var rest = slice - started.Elapsed;
            if (rest > TimeSpan.Zero)
                await Task.Delay(rest);
        }

        await stop.CancelAsync();
        await driving;

        var answers = mix.UnavailableAnswers;
        var good = answers.Count(a => a.StartsWith("5|", StringComparison.Ordinal)
            && a.EndsWith("/problems/unavailable", StringComparison.Ordinal));
        verdict.Check("commands answered 503 + Retry-After + …/unavailable while the database was down",
            answers.Count > 0 && good == answers.Count,
            $"{answers.Count} 503 answers, {good} with Retry-After 5 and the unavailable type; " +
            $"{mix.Unreachable} refused connections (must be 0: the service stayed up)");
        verdict.Check("the service never went away", mix.Unreachable == 0 && node.Running && node.Starts == 1,
            $"started {node.Starts} time(s), running: {node.Running}");
        verdict.Check("/health/ready said 503 while the database was down", readyWhileDown.All(s => s == 503),
            string.Join(", ", readyWhileDown));
        verdict.Check("commands succeed again by themselves after each restart",
            recoveries.Count == options.Outages && recoveries.All(r => r < 60),
            $"first 2xx after {string.Join(", ", recoveries.Select(r => $"{r:F1} s"))}");
        verdict.Check("the async daemon resumed after each restart (audit log reached the ledger's end)",
            auditLagAfter.All(s => s >= 0),
            $"{string.Join(", ", auditLagAfter.Select(s => $"{s:F1} s"))} after restart");

        var audit = new LedgerAudit(ledger, log, verdict);
        await audit.LedgerMatchesLogAsync();
        await audit.ProjectionsCaughtUpAsync(TimeSpan.FromSeconds(60));
        await audit.LedgerVerifiesAsync(node.Url);
        await audit.DurableMessagesDeliveredAsync(TimeSpan.FromSeconds(60));
        await new PortalAudit(ledger, verdict).LatestStatusesDeliveredAsync(TimeSpan.FromSeconds(60));
        await node.KillAsync();
        await audit.ReadModelsEqualRebuildAsync();
        Console.WriteLine(verdict.Line);
        return verdict;
    }

    /// <summary>
    /// Seconds until an event appended after the restart shows in the audit log (async daemon alive), or -1.
    /// </summary>
    private static async Task<double> AuditLogCatchesUpAsync(ChaosLedger ledger, Stopwatch since)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ledger.DriverConnectionString);
        await connection.OpenAsync();
        await using var top = new Npgsql.NpgsqlCommand("select coalesce(max(seq_id), 0) from onestop.mt_events",
            connection);
        var target = (long)(await top.ExecuteScalarAsync())!;
        while (since.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var progress = new Npgsql.NpgsqlCommand(
                "select coalesce(min(last_seq_id), 0) from onestop.mt_event_progression " +
                "where name like 'AuditLog%'", connection);
            if ((long)(await progress.ExecuteScalarAsync())! >= target)
                return since.Elapsed.TotalSeconds;
            await Task.Delay(200);
        }

        return -1;
    }
}
