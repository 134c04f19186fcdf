using OneStop.Chaos;
using Xunit.Abstractions;

namespace OneStop.Tests.Reliability;

/// <summary>
/// The short crash run (the long one: `dotnet run --project tools/OneStop.Chaos -- crash`, ten kills): the
/// built service under the command mix, SIGKILLed three times and restarted, then audited against the driver's
/// own log of what it sent and what was acknowledged.
/// </summary>
[Collection(ChaosRuns.Name)]
public sealed class when_the_service_is_killed_at_random_moments(ITestOutputHelper output)
{
    [Fact]
    public async Task every_acknowledged_command_is_in_the_ledger_once_and_everything_catches_up()
    {
        var verdict = await Verdict.GuardAsync("crash",
            () => CrashRun.RunAsync(new CrashOptions(Kills: 3, Seconds: 30, Clients: 4, Seed: 9)));

        ChaosRuns.ShouldHavePassed(verdict, output,
            "no event without a 2xx",
            "every 2xx command in the ledger exactly once",
            "in-flight commands committed at most once",
            "async projections caught up",
            "the hash-chained ledger verifies",
            "durable messages all delivered",
            "the portal holds every dossier's latest national status",
            "read models equal a full rebuild");
    }
}
