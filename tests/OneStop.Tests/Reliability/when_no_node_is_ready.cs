using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OneStop.Chaos;
using Shouldly;

namespace OneStop.Tests.Reliability;

/// <summary>
/// While PostgreSQL is down every node answers 503 on /health/ready, so the balancer's health checks take all
/// of them out of rotation. It must still pass requests on: the nodes' own answer says when to retry and what
/// went wrong (Retry-After, the unavailable problem type), where the balancer's bare 503 says neither.
/// </summary>
public sealed class when_no_node_is_ready
{
    [Fact]
    public async Task the_balancer_passes_on_the_nodes_own_503_with_retry_after()
    {
        var probes = 0;
        await using var node = await NodeWithItsDatabaseDownAsync(() => Interlocked.Increment(ref probes));
        var balancerUrl = $"http://127.0.0.1:{ChaosLedger.FreePort()}";
        await using var balancer = OneStop.Balancer.Balancer.Build(balancerUrl, [node.Urls.Single()]);
        await balancer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(balancerUrl) };

        // Active checks every 2 s; two failures in a row mark the node unhealthy. Wait for three, however long.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref probes) < 3 && waited.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(200);
        using var response = await http.PostAsync("/api/dossiers", new StringContent("{}"));

        probes.ShouldBeGreaterThanOrEqualTo(3, "the balancer never probed the node");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var retryAfter = response.Headers.RetryAfter.ShouldNotBeNull("the 503 came from the balancer, not the node");
        retryAfter.Delta.ShouldBe(TimeSpan.FromSeconds(5));
    }

    private static async Task<WebApplication> NodeWithItsDatabaseDownAsync(Action probed)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{ChaosLedger.FreePort()}");
        builder.Logging.ClearProviders();
        var node = builder.Build();
        node.MapGet("/health/ready", () =>
        {
            probed();
            return Results.StatusCode(503);
        });
        node.MapPost("/api/dossiers", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: 503, type: "https://onestop.invalid/problems/unavailable");
        });
        await node.StartAsync();
        return node;
    }
}
