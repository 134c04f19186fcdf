using System.Diagnostics;

namespace OneStop.Chaos;

public sealed record NodesOptions(int Nodes = 3, int Submissions = 300, int LoadSeconds = 15, int Clients = 4,
    bool Rejoin = true, bool Keep = false);

/// <summary>
/// Three service processes in Balanced mode against one PostgreSQL behind the YARP balancer: codes stay
/// gap-free across nodes, each async projection runs on exactly one node, a killed node's projections move to
/// a survivor within 60 s, and a node that comes back is put back to work, by the balancer and by Wolverine.
/// </summary>
public static class NodesRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>A restart compiles generated code again, slowly on a busy machine: long waits around it.</summary>
    private static readonly TimeSpan RejoinLimit = TimeSpan.FromSeconds(120);

    public static async Task<Verdict> RunAsync(NodesOptions options)
    {
        var verdict = new Verdict("nodes");
        Console.WriteLine($"nodes: {options.Nodes} nodes in Balanced mode behind YARP, {options.Submissions} " +
            "concurrent submissions, then kill and rejoin");
        await using var ledger = await ChaosLedger.StartAsync("nodes", options.Keep);
        using var log = new CommandLog(Path.Combine(ledger.Folder, "commands.jsonl"));
        var nodes = Enumerable.Range(1, options.Nodes)
            .Select(i => new ServiceNode(ledger, $"node{i}", ChaosLedger.FreePort(), "Balanced")).ToList();
        try
        {
            // The first node creates the schema; the others then start side by side.
            await nodes[0].StartAsync();
            await Task.WhenAll(nodes.Skip(1).Select(n => n.StartAsync()));
            var balancerUrl = new Uri($"http://127.0.0.1:{ChaosLedger.FreePort()}");
            // Proxy errors for requests cut by a kill are expected here; they would bury the checks.
            await using var balancer = OneStop.Balancer.Balancer.Build(balancerUrl.ToString().TrimEnd('/'),
                [.. nodes.Select(n => n.Url.ToString())], ["--Logging:LogLevel:Yarp=Error"]);
            await balancer.StartAsync();
            var cluster = new ClusterProbe(ledger, nodes);

            var placed = await cluster.WaitAsync(p => p.EachAgentOnce && p.ProjectionAgents.Count >= 2, Limit);
            verdict.Check("each async projection and the durability agent (scheduled alerts) run on exactly one node",
                placed.Result.EachAgentOnce,
                $"after {placed.Seconds:F1} s: {placed.Result}");

            await new CodeRace(balancerUrl, ledger, log).GapFreeCodesAsync(options.Submissions, verdict);

            var mix = new CommandMix(() => balancerUrl, ledger, log);
            using var stop = new CancellationTokenSource();
            await mix.PrepareAsync(2, stop.Token);
            var acknowledgedBefore = log.Count(Outcome.Acknowledged);
            var loaded = Stopwatch.StartNew();
            var driving = mix.RunAsync(options.Clients, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(options.LoadSeconds / 3.0));

            var victim = nodes.First(n => placed.Result.NodeRunning(n.Name, "auditlog"));
            await FailOverAsync(victim, ledger, log, cluster, verdict, "it ran the audit log");

            if (options.Rejoin)
                await RejoinAsync(victim, nodes, balancerUrl, ledger, log, cluster, verdict);

            await Task.Delay(TimeSpan.FromSeconds(options.LoadSeconds / 3.0));
            await stop.CancelAsync();
            await driving;
            var served = log.Count(Outcome.Acknowledged) - acknowledgedBefore;
            verdict.Note($"command mix through the balancer, {options.Clients} clients: {served} acknowledged in " +
                $"{loaded.Elapsed.TotalSeconds:F0} s ({served / loaded.Elapsed.TotalSeconds:F0} commands/s) " +
                "across node kills and restarts");

            var audit = new LedgerAudit(ledger, log, verdict);
            await audit.LedgerMatchesLogAsync();
            await audit.ProjectionsCaughtUpAsync(Limit);
            var repeated = await audit.ScalarAsync(
                "select count(*) - count(distinct size) from onestop.onestop_ledger_checkpoints");
            verdict.Check("checkpoints signed by several nodes never twice for one size", repeated == 0,
                $"{await audit.ScalarAsync("select count(*) from onestop.onestop_ledger_checkpoints")} checkpoints");
            await audit.LedgerVerifiesAsync(balancerUrl);
            await audit.DurableMessagesDeliveredAsync(TimeSpan.FromSeconds(60));
            await new PortalAudit(ledger, verdict).LatestStatusesDeliveredAsync(TimeSpan.FromSeconds(60));
            await balancer.StopAsync();
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }

        Console.WriteLine(verdict.Line);
        return verdict;
    }

    /// <summary>SIGKILLs the node; within 60 s its projections run elsewhere and the audit log moves on.</summary>
    private static async Task FailOverAsync(ServiceNode victim, ChaosLedger ledger, CommandLog log,
        ClusterProbe cluster, Verdict verdict, string why, Func<Placement, bool>? also = null, string? alsoSays = null)
    {
        await victim.KillAsync();
        var killedAt = Stopwatch.StartNew();
        var sequenceAtKill = await new LedgerAudit(ledger, log, verdict).ScalarAsync(
            "select coalesce(max(seq_id), 0) from onestop.mt_events");
        var moved = await cluster.WaitAsync(
            p => p.EachAgentOnce && !p.RunsOn(victim.Name) && (also?.Invoke(p) ?? true), Limit);
        var caughtUp = await cluster.AuditLogPassesAsync(sequenceAtKill + 1, Limit - killedAt.Elapsed);
        verdict.Check($"killing {victim.Name} ({why}) moved its projections{alsoSays} within 60 s",
            moved.Passed && caughtUp >= 0,
            $"reassigned after {moved.Seconds:F1} s ({moved.Result}); audit log passed the kill point " +
            (caughtUp >= 0 ? $"after {caughtUp:F1} s" : "not within the limit"));
    }

    /// <summary>
    /// Restarts the killed node. The balancer must route to it again. Wolverine keeps its spread even, which
    /// with fewer agents than nodes may leave the newcomer idle (it moves running agents only off a node above
    /// its share), so the proof that the leader counts it is the next failure: a second node is killed and the
    /// work it ran must land on the rejoined node.
    /// </summary>
    private static async Task RejoinAsync(ServiceNode rejoining, IReadOnlyList<ServiceNode> nodes, Uri balancer,
        ChaosLedger ledger, CommandLog log, ClusterProbe cluster, Verdict verdict)
    {
        var restart = await rejoining.StartAsync();
        var routed = await cluster.RoutedToAsync(balancer, rejoining.Name, RejoinLimit);
        verdict.Check($"{rejoining.Name} restarted and the balancer routes requests to it again", routed >= 0,
            $"ready after {restart.TotalSeconds:F1} s; " +
            (routed >= 0 ? $"answered through the balancer {routed:F1} s later" : "never answered through it"));

        var even = await cluster.WaitAsync(
            p => p.EachAgentOnce && p.Even && p.Nodes.Count == nodes.Count(n => n.Running), RejoinLimit);
        verdict.Check("with every node back, each agent runs once and the spread is even", even.Passed,
            $"after {even.Seconds:F1} s: {even.Result}");

        var second = nodes.First(n => n != rejoining && n.Running
            && Placement.Projections.Any(p => even.Result.NodeRunning(n.Name, p)));
        await FailOverAsync(second, ledger, log, cluster, verdict, "the next failure",
            p => p.AgentsOn(rejoining.Name) > 0, $", some onto the rejoined {rejoining.Name},");
    }
}
