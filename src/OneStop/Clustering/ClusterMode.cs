using JasperFx.Events.Daemon;
using Marten;
using OneStop.Tracking;
using Wolverine;
using Wolverine.Marten;

namespace OneStop.Clustering;

/// <summary>How many service processes share one ledger database.</summary>
public enum ClusterMode
{
    /// <summary>One process: the async daemon and Wolverine's agents all run here, and start fastest.</summary>
    Solo,

    /// <summary>
    /// Several processes behind a load balancer: Wolverine elects a leader through a PostgreSQL advisory
    /// lock and the leader assigns each async projection and the durability agent to exactly one node.
    /// </summary>
    Balanced,
}

/// <summary>`OneStop:Cluster:*` settings and where they take effect in Marten and Wolverine.</summary>
public sealed record ClusterSettings(ClusterMode Mode, TimeSpan StaleNodeTimeout)
{
    public static ClusterSettings From(IConfiguration configuration)
    {
        var mode = configuration["OneStop:Cluster:Mode"];
        var parsed = string.IsNullOrWhiteSpace(mode) ? ClusterMode.Solo
            : Enum.TryParse<ClusterMode>(mode, ignoreCase: true, out var value) ? value
            : throw new InvalidOperationException($"OneStop:Cluster:Mode must be Solo or Balanced, not '{mode}'.");
        var stale = configuration.GetValue("OneStop:Cluster:StaleNodeSeconds", 15);
        return new ClusterSettings(parsed, TimeSpan.FromSeconds(Math.Max(5, stale)));
    }

    /// <summary>
    /// Balanced nodes must share their keys. A key generated in each node's own data folder differs from node
    /// to node: a token issued by one node would be refused by the next one the balancer picks, and a
    /// checkpoint signed by one node would fail verification on every other as forged.
    /// </summary>
    public void DemandSharedKeys(IConfiguration configuration)
    {
        if (Mode != ClusterMode.Balanced)
            return;
        string[] keys = ["OneStop:Jwt:SigningKey", "OneStop:Ledger:SigningKey", ReceiptSecretKey.ConfigurationKey];
        var missing = keys.Where(k => string.IsNullOrWhiteSpace(configuration[k])).ToList();
        if (missing.Count == 0)
            return;
        var variables = missing.Select(k => k.Replace(":", "__", StringComparison.Ordinal));
        throw new InvalidOperationException(
            $"OneStop:Cluster:Mode is Balanced, so every node needs the same {string.Join(" and ", missing)} " +
            $"(environment: {string.Join(", ", variables)}); keys generated in each node's data folder differ.");
    }

    /// <summary>Solo: Marten's own daemon runs every shard here. Balanced: Wolverine distributes them.</summary>
    public MartenServiceCollectionExtensions.MartenConfigurationExpression Apply(
        MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        Mode == ClusterMode.Solo
            ? marten.AddAsyncDaemon(DaemonMode.Solo).IntegrateWithWolverine()
            // Marten's own daemon must stay off here: Wolverine refuses a Solo or HotCold daemon beside it.
            : marten.IntegrateWithWolverine(w => w.UseWolverineManagedEventSubscriptionDistribution = true);

    public void Apply(DurabilitySettings durability)
    {
        if (Mode == ClusterMode.Solo)
        {
            durability.Mode = DurabilityMode.Solo;
            return;
        }

        durability.Mode = DurabilityMode.Balanced;
        // Wolverine's defaults notice a dead node after about two minutes (1 min stale, ejected on the second
        // 10 s health check); these move a killed node's projections to a survivor well within a minute.
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(3);
        durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(1);
        durability.StaleNodeTimeout = StaleNodeTimeout;
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(10);
    }
}
