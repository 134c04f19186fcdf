using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OneStop.Hosting;
using OneStop.Integrity;
using Weasel.Core;

namespace OneStop.Bench.Append;

/// <summary>A payload of the size of a real submission event (~600 bytes of JSON).</summary>
public sealed record BenchEvent(
    Guid DossierId,
    int Number,
    string ProcedureName,
    string[] Components,
    DateTimeOffset At);

/// <summary>
/// Append throughput with the hash-chain trigger on and off, in alternating rounds of the same run so both
/// see the same machine, cache and table sizes; then the cost of signing one checkpoint over everything.
/// </summary>
public static class AppendBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var cluster = options.ConnectionString is null
            ? await EmbeddedPostgres.StartThrowawayAsync("onestop-bench")
            : null;
        var connectionString = options.ConnectionString
            ?? await cluster!.CreateDatabaseAsync($"bench_{Guid.NewGuid():N}");
        using var store = CreateStore(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var connection = await OpenAsync(store))
            await LedgerSchema.InstallAsync(connection, LedgerSetup.Schema, default);

        Console.WriteLine($"{options.Events} events per round, {options.Writers} writers, " +
            $"{options.PerCommit} events per commit, {options.Rounds} rounds each way" +
            (cluster is null ? "" : " (throwaway embedded cluster, fsync off)"));
        await MeasureAsync(store, options with { Events = options.Writers * options.PerCommit * 10 }, true);

        var on = new List<double>();
        var off = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            // Alternate which goes first, so neither always inherits the other's bloat or autovacuum.
            foreach (var hashing in round % 2 == 1 ? new[] { true, false } : [false, true])
                (hashing ? on : off).Add(await MeasureAsync(store, options, hashing));
            Console.WriteLine($"round {round}: hashing on {on[^1],9:N0} events/s   off {off[^1],9:N0} events/s");
        }

        var (medianOn, medianOff) = (Median(on), Median(off));
        Console.WriteLine($"median: hashing on {medianOn:N0} events/s, off {medianOff:N0} events/s, " +
            $"ratio on/off {medianOn / medianOff:P1}");

        await ReportCheckpointAsync(store);
        return 0;
    }

    private static async Task<double> MeasureAsync(IDocumentStore store, BenchOptions options, bool hashing)
    {
        await using (var connection = await OpenAsync(store))
        await using (var command = new NpgsqlCommand(LedgerSchema.SetTriggerSql(LedgerSetup.Schema, hashing),
                         connection))
            await command.ExecuteNonQueryAsync();

        var commits = options.Events / options.PerCommit;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < commits)
            {
                await using var session = store.LightweightSession();
                var id = Guid.CreateVersion7();
                session.Events.StartStream(id, [.. Enumerable.Range(1, options.PerCommit).Select(n => Payload(id, n))]);
                await session.SaveChangesAsync();
            }
        })));
        return commits * options.PerCommit / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The Merkle log runs beside appends, not in them; this is what one checkpoint costs.</summary>
    private static async Task ReportCheckpointAsync(IDocumentStore store)
    {
        var folder = Directory.CreateTempSubdirectory("onestop-bench-").FullName;
        try
        {
            using var key = LedgerSigningKey.From(new ConfigurationBuilder().Build(), folder);
            var log = new MerkleLog(store, key, new PublishedCheckpoints(folder), TimeProvider.System,
                new IntegrityOptions(TimeSpan.Zero, TimeSpan.Zero), NullLogger<MerkleLog>.Instance);
            var watch = Stopwatch.StartNew();
            var checkpoint = await log.AdvanceAsync(default);
            Console.WriteLine($"first checkpoint over {checkpoint?.Size:N0} hashed events: " +
                $"{watch.ElapsedMilliseconds:N0} ms");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DocumentStore CreateStore(string connectionString) => DocumentStore.For(options =>
    {
        // The ledger's own event settings (LedgerSetup.AddLedger), which decide the rows the trigger hashes.
        options.Connection(connectionString);
        options.DatabaseSchemaName = LedgerSetup.Schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.AppendMode = EventAppendMode.Rich;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.AddEventType<BenchEvent>();
        options.Storage.ExtendedSchemaObjects.AddRange(LedgerSchema.Tables(LedgerSetup.Schema));
    });

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    private static BenchEvent Payload(Guid id, int number) => new(id, number,
        "Cấp giấy phép hoạt động cho cơ sở đủ điều kiện theo quy định hiện hành",
        ["don-de-nghi", "ban-sao-giay-chung-nhan", "danh-sach-nhan-su", "ho-so-ky-thuat", "bien-lai"],
        DateTimeOffset.UtcNow);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
