using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using Wolverine.Http;
using Wolverine.Runtime;

namespace OneStop.Clustering;

/// <summary>What this node runs: its name, the cluster mode, and the Wolverine agents started here.</summary>
public sealed record ClusterNodeAnswer(string Node, string Mode, IReadOnlyList<string> Agents);

public static class GetClusterAgentsEndpoint
{
    /// <summary>
    /// Asked of each node directly (not through the balancer), this shows where every async projection and
    /// the durability agent actually run, which is what the multi-node checks compare.
    /// </summary>
    [WolverineGet("/api/cluster/agents")]
    [Authorize(Policy = Access.Operations)]
    public static ClusterNodeAnswer Get(HttpContext http, IWolverineRuntime runtime, IConfiguration configuration)
    {
        Access.Demand(http, Access.Operations);
        var settings = ClusterSettings.From(configuration);
        return new ClusterNodeAnswer(configuration["OneStop:Cluster:Node"] ?? Environment.MachineName,
            settings.Mode.ToString(), [.. runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order()]);
    }
}
