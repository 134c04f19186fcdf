using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OneStop.Chaos;

public sealed record NodesOptions(int Nodes = 3, int Submissions = 300, int LoadSeconds = 15, bool Rejoin = true,
    bool Keep = false);

/// <summary>
/// Three service processes in Balanced mode against one PostgreSQL behind the YARP balancer: codes stay
/// gap-free across nodes, each async projection runs on exactly one node, a killed node's projections move to
/// a survivor within 60 s, and a node that comes back gets work again.
/// </summary>
public static class NodesRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

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
            var balancerUrl = $"http://127.0.0.1:{ChaosLedger.FreePort()}";
            await using var balancer =
                OneStop.Balancer.Balancer.Build(balancerUrl, [.. nodes.Select(n => n.Url.ToString())]);
            await balancer.StartAsync();
            var cluster = new ClusterProbe(ledger, nodes);

            var placed = await cluster.WaitAsync(p => p.EachProjectionOnce && p.ProjectionAgents.Count >= 2, Limit);
            verdict.Check("each async projection runs on exactly one node", placed.Result.EachProjectionOnce,
                $"after {placed.Seconds:F1} s: {placed.Result}");

            await GapFreeCodesAsync(new Uri(balancerUrl), ledger, options.Submissions, verdict);

            var mix = new CommandMix(() => new Uri(balancerUrl), ledger, log);
            using var stop = new CancellationTokenSource();
            await mix.PrepareAsync(2, stop.Token);
            var driving = mix.RunAsync(4, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(options.LoadSeconds / 3.0));

            var victim = nodes.First(n => placed.Result.NodeRunning(n.Name, "auditlog"));
            await victim.KillAsync();
            var killedAt = Stopwatch.StartNew();
            var sequenceAtKill = await new LedgerAudit(ledger, log, verdict).ScalarAsync(
                "select coalesce(max(seq_id), 0) from onestop.mt_events");
            var moved = await cluster.WaitAsync(p => p.EachProjectionOnce && !p.RunsOn(victim.Name), Limit);
            var caughtUp = await cluster.AuditLogPassesAsync(sequenceAtKill + 1, Limit - killedAt.Elapsed);
            verdict.Check($"killing {victim.Name} (it ran the audit log) moved its projections within 60 s",
                moved.Passed && caughtUp >= 0,
                $"reassigned after {moved.Seconds:F1} s ({moved.Result}); audit log passed the kill point " +
                $"after {caughtUp:F1} s");

            if (options.Rejoin)
            {
                await victim.StartAsync();
                var rejoined = await cluster.WaitAsync(p => p.EachProjectionOnce && p.AgentsOn(victim.Name) > 0,
                    TimeSpan.FromSeconds(90));
                verdict.Check($"{victim.Name} rejoined and was given work again (rebalanced)", rejoined.Passed,
                    $"after {rejoined.Seconds:F1} s: {rejoined.Result}");
            }

            await Task.Delay(TimeSpan.FromSeconds(options.LoadSeconds / 3.0));
            await stop.CancelAsync();
            await driving;

            var audit = new LedgerAudit(ledger, log, verdict);
            await audit.LedgerMatchesLogAsync();
            await audit.ProjectionsCaughtUpAsync(Limit);
            var repeated = await audit.ScalarAsync(
                "select count(*) - count(distinct size) from onestop.onestop_ledger_checkpoints");
            verdict.Check("checkpoints signed by several nodes never twice for one size", repeated == 0,
                $"{await audit.ScalarAsync("select count(*) from onestop.onestop_ledger_checkpoints")} checkpoints");
            await audit.LedgerVerifiesAsync(new Uri(balancerUrl));
            await audit.DurableMessagesDeliveredAsync(TimeSpan.FromSeconds(30));
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

    /// <summary>Submissions at once through the balancer: every code of the day used once, 0001..N.</summary>
    private static async Task GapFreeCodesAsync(Uri balancer, ChaosLedger ledger, int count, Verdict verdict)
    {
        using var http = new HttpClient { BaseAddress = balancer, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ledger.Reception);
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(32);
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await http.PostAsJsonAsync("/api/dossiers", new
                {
                    procedureCode = "G06.TDC.02",
                    channel = "Counter",
                    applicant = new { kind = "Enterprise", name = "Công ty Cổ phần Chứng nhận Sao Mai" },
                    components = new[] { "C01", "C02", "C03", "C04", "C05" },
                });
                return response.IsSuccessStatusCode
                    ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()
                    : $"status {(int)response.StatusCode}";
            }
            finally
            {
                gate.Release();
            }
        }));
        var rate = count / clock.Elapsed.TotalSeconds;
        var numbers = answers.Select(c => c is not null && c.Length > 4 && int.TryParse(c[^4..], out var n) ? n : -1)
            .Order().ToList();
        var days = answers.Where(c => c is not null && c.Length > 12).Select(c => c![..^5]).Distinct().Count();
        var gapFree = days == 1 && numbers.SequenceEqual(Enumerable.Range(1, count));
        var failed = answers.Count(a => a?.StartsWith("status", StringComparison.Ordinal) != false);
        verdict.Check($"{count} concurrent submissions through the balancer got codes 0001..{count:D4}", gapFree,
            $"{numbers.Distinct().Count()} distinct, {failed} failed; {rate:F0} submissions/s across the nodes");
    }
}
