using OneStop.Hosting;

namespace OneStop.Tests.Fixtures;

/// <summary>One throwaway PostgreSQL cluster for the whole test run; each collection gets its own database.</summary>
public static class TestCluster
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(async () =>
    {
        var postgres = await EmbeddedPostgres.StartThrowawayAsync("onestop-tests");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Stop();
        return postgres;
    });

    public static async Task<string> NewDatabaseAsync(string prefix)
    {
        var postgres = await Cluster.Value;
        return await postgres.CreateDatabaseAsync($"{prefix}_{Guid.NewGuid():N}");
    }
}
