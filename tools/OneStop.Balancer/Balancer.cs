using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace OneStop.Balancer;

/// <summary>
/// A small YARP load balancer in front of several OneStop nodes: round robin over the nodes whose
/// /health/ready answers, checked actively every couple of seconds, and passively on failed requests, so a
/// killed node leaves the rotation quickly and a restarted one rejoins by itself.
/// </summary>
public static class Balancer
{
    public static WebApplication Build(string listenUrl, IReadOnlyList<string> nodes, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.WebHost.UseUrls(listenUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "onestop", ClusterId = "nodes", Match = new RouteMatch { Path = "{**all}" } }],
            [Cluster(nodes)]);
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }

    private static ClusterConfig Cluster(IReadOnlyList<string> nodes) => new()
    {
        ClusterId = "nodes",
        LoadBalancingPolicy = "RoundRobin",
        Destinations = nodes.Select((url, i) => (url, i))
            .ToDictionary(n => $"node{n.i + 1}", n => new DestinationConfig { Address = n.url }),
        HealthCheck = new HealthCheckConfig
        {
            // When every node says "not ready" (the database is down), send requests on anyway: each node then
            // answers 503 with Retry-After and the problem type itself, instead of the balancer's bare 503.
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(2),
                // A busy node answers late but answers; a dead one refuses the connection at once.
                Timeout = TimeSpan.FromSeconds(5),
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health/ready",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = TimeSpan.FromSeconds(5),
            },
        },
    };
}
