using OneStop.Chaos;
using Xunit.Abstractions;

namespace OneStop.Tests.Reliability;

/// <summary>
/// The short database-restart run (the long one: `dotnet run --project tools/OneStop.Chaos -- db-restart`,
/// three outages): PostgreSQL stopped for five seconds under the command mix and started again, the service
/// left alone.
/// </summary>
[Collection(ChaosRuns.Name)]
public sealed class when_postgresql_restarts_under_load(ITestOutputHelper output)
{
    [Fact]
    public async Task the_service_answers_503_meanwhile_and_recovers_by_itself_with_nothing_lost()
    {
        var verdict = await Verdict.GuardAsync("db-restart", () => DatabaseRestartRun.RunAsync(
            new RestartOptions(Outages: 1, DownSeconds: 5, Seconds: 15, Clients: 4)));

        ChaosRuns.ShouldHavePassed(verdict, output,
            "commands answered 503 + Retry-After",
            "the service never went away",
            "/health/ready said 503",
            "commands succeed again by themselves",
            "the async daemon resumed",
            "every 2xx command in the ledger exactly once",
            "read models equal a full rebuild");
    }
}
