using OneStop.Chaos;
using Xunit.Abstractions;

namespace OneStop.Tests.Reliability;

/// <summary>
/// The short multi-node run (the long one: `dotnet run --project tools/OneStop.Chaos -- nodes`, 300
/// submissions): three Balanced service processes behind the YARP balancer; the node running the audit log is
/// killed and restarted, then a second node is killed.
/// </summary>
[Collection(ChaosRuns.Name)]
public sealed class when_three_nodes_share_one_ledger(ITestOutputHelper output)
{
    [Fact]
    public async Task codes_stay_gap_free_and_a_dead_nodes_work_moves_within_60_seconds()
    {
        var verdict = await Verdict.GuardAsync("nodes",
            () => NodesRun.RunAsync(new NodesOptions(Nodes: 3, Submissions: 40, LoadSeconds: 6, Clients: 2)));

        ChaosRuns.ShouldHavePassed(verdict, output,
            "each async projection and the durability agent (scheduled alerts) run on exactly one node",
            "40 concurrent submissions through the balancer got codes 0001..0040",
            // Which node runs the audit log, and so is killed first, is Wolverine's choice.
            "(it ran the audit log) moved its projections within 60 s",
            "restarted and the balancer routes requests to it again",
            "with every node back, each agent runs once and the spread is even",
            "(the next failure) moved its projections, some onto the rejoined",
            "every 2xx command in the ledger exactly once",
            "the hash-chained ledger verifies",
            "durable messages all delivered");
    }
}
