using OneStop.Chaos;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Reliability;

/// <summary>
/// The short concurrency soak (the long one: `dotnet run --project tools/OneStop.Chaos -- soak`): a hundred
/// hand-overs of one dossier at the same version at once, round after round.
/// </summary>
public sealed class when_officers_race_on_one_dossier(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task exactly_one_wins_each_version_and_the_rest_get_409()
    {
        using var http = Host.Server.CreateClient();
        var verdict = await SoakRun.RunAsync(http, Reception, UnitHead, App.Token("in-01", "inspector", ReceptionUnit),
            new SoakOptions(Rounds: 5, Concurrency: 100));

        verdict.Passed.ShouldBeTrue(verdict.ToString());
        verdict.Checks.Count.ShouldBe(4);
    }
}
