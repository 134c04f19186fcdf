using OneStop.Chaos;
using Shouldly;
using Xunit.Abstractions;

namespace OneStop.Tests.Reliability;

/// <summary>
/// The chaos runs start service processes, kill them and stop PostgreSQL under them; their limits (60 s to
/// move a dead node's work) hold on two cores only when nothing else competes, so xunit runs them one after
/// another once the parallel collections are done.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosRuns
{
    public const string Name = "chaos runs";

    /// <summary>Every check of the run passed, and checks saying the given words were among them.</summary>
    public static void ShouldHavePassed(Verdict verdict, ITestOutputHelper output, params string[] expected)
    {
        output.WriteLine(verdict.ToString());
        verdict.Passed.ShouldBeTrue(verdict.ToString());
        foreach (var check in expected)
            verdict.Checks.ShouldContain(c => c.Check.Contains(check, StringComparison.Ordinal),
                $"the run no longer checks \"{check}\":\n{verdict}");
    }
}
