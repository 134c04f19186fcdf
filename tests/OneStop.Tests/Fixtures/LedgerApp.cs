using Alba;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Integrity;
using Wolverine;

namespace OneStop.Tests.Fixtures;

/// <summary>The real service on its own database, with a clock the tests move.</summary>
public sealed class LedgerApp : IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 09:00 in Hanoi: an ordinary working morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    public TestClock Clock { get; } = new(Start);
    public CapturedLogs Logs { get; } = new();
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("onestop-test-").FullName;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        var connection = await TestCluster.NewDatabaseAsync("ledger");
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Marten", connection);
            web.UseSetting("OneStop:DataDirectory", DataDirectory);
            // Tests advance the Merkle log themselves, at the moment they choose.
            web.UseSetting("OneStop:Ledger:CheckpointSeconds", "0");
            web.UseSetting("OneStop:Ledger:SettleSeconds", "0");
            // Tests move the clock freely; deadline alerts firing behind their back would bump versions.
            web.UseSetting("OneStop:Alerts:Enabled", "false");
            web.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.RunWolverineInSoloMode();
                services.AddSingleton<ILoggerProvider>(Logs);
                // Every level the code writes, whatever the shipped configuration lets through: a value logged
                // at Debug is one configuration change away from a production log.
                services.AddLogging(logging => logging.AddFilter<CapturedLogs>(null, LogLevel.Debug));
            });
        });
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    public async Task ResetAsync()
    {
        Clock.SetUtcNow(Start);
        Logs.Clear();
        await Host.ResetAllMartenDataAsync();
        // Marten resets its own tables; the day counters and the integrity tables are ours.
        await using var session = Store.LightweightSession();
        session.QueueSqlCommand($"delete from onestop.{DossierCodes.TableName}");
        foreach (var table in new[] { LedgerSchema.Hashes, LedgerSchema.Leaves, LedgerSchema.Checkpoints })
            session.QueueSqlCommand($"delete from onestop.{table}");
        // A test that played the attacker may have switched hashing off.
        session.QueueSqlCommand(LedgerSchema.SetTriggerSql("onestop", enabled: true));
        await session.SaveChangesAsync();
        File.Delete(Path.Combine(DataDirectory, PublishedCheckpoints.FileName));
        Host.Services.GetRequiredService<global::OneStop.Tracking.TrackingThrottle>().Reset();
    }

    public string Token(string officer, string role, string unit) =>
        Host.Services.GetRequiredService<TokenIssuer>().Issue(officer, role, unit);
}

[CollectionDefinition(Name)]
public sealed class LedgerCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger";
}
