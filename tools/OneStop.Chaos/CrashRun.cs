using System.Diagnostics;

namespace OneStop.Chaos;

public sealed record CrashOptions(int Kills = 10, int Seconds = 120, int Clients = 6, int Seed = 9, bool Keep = false);

/// <summary>
/// Drives the command mix against one service process and SIGKILLs it at random moments, restarting it each
/// time, then audits the ledger against the driver's log.
/// </summary>
public static class CrashRun
{
    public static async Task<Verdict> RunAsync(CrashOptions options)
    {
        var verdict = new Verdict("crash");
        Console.WriteLine($"crash: {options.Kills} kills over about {options.Seconds} s, {options.Clients} clients");
        await using var ledger = await ChaosLedger.StartAsync("crash", options.Keep);
        using var log = new CommandLog(Path.Combine(ledger.Folder, "commands.jsonl"));
        await using var node = new ServiceNode(ledger, "node1", ChaosLedger.FreePort(), "Solo");
        var firstStart = await node.StartAsync();
        var mix = new CommandMix(() => node.Url, ledger, log);
        using var stop = new CancellationTokenSource();
        await mix.PrepareAsync(4, stop.Token);

        var random = new Random(options.Seed);
        var clock = Stopwatch.StartNew();
        var driving = mix.RunAsync(options.Clients, stop.Token);
        var slice = options.Seconds / (double)options.Kills;
        var restarts = new List<double>();
        var lastRestart = firstStart.TotalSeconds;
        for (var kill = 0; kill < options.Kills; kill++)
        {
            var before = log.Entries.Count;
            // A random moment in this kill's share of the run, after at least a few commands.
            await Task.Delay(TimeSpan.FromSeconds(0.3 + (random.NextDouble() * Math.Max(0.4, slice - lastRestart))));
            while (log.Entries.Count < before + 5 && !driving.IsCompleted)
                await Task.Delay(20);
            await node.KillAsync();
            await Task.Delay(random.Next(0, 400));
            lastRestart = (await node.StartAsync()).TotalSeconds;
            restarts.Add(lastRestart);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await driving;
        var loaded = clock.Elapsed;
        verdict.Note($"{options.Kills} SIGKILLs in {loaded.TotalSeconds:F0} s; restart to ready " +
            $"median {Median(restarts):F1} s, max {restarts.DefaultIfEmpty().Max():F1} s");

        var audit = new LedgerAudit(ledger, log, verdict);
        verdict.Check("killed and restarted as asked", node.Starts == options.Kills + 1,
            $"{node.Starts - 1} restarts");
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

    internal static double Median(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
}
