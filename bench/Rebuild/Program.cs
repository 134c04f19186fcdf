using System.Diagnostics;
using System.Runtime.InteropServices;
using JasperFx.Events;
using Marten;
using Npgsql;
using OneStop.Bench.Rebuild;
using OneStop.Dossiers;
using OneStop.Hosting;
using OneStop.Projections;
using Weasel.Core;

// Usage: dotnet run -c Release --project bench/Rebuild -- [events] [connection string]
// Without a connection string a throwaway PostgreSQL cluster is started and removed afterwards.
var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var dossiers = events / History.EventsPerDossier;
EmbeddedPostgres? cluster = null;
var connection = args.Length > 1 ? args[1] : null;
if (connection is null)
{
    cluster = await EmbeddedPostgres.StartThrowawayAsync("onestop-bench");
    connection = await cluster.CreateDatabaseAsync("bench");
}

try
{
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
        $"{RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
    await using (var writer = Store(connection, withProjections: false))
    {
        await writer.Advanced.Clean.CompletelyRemoveAllAsync();
        await writer.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var append = Stopwatch.StartNew();
        await AppendAsync(writer, dossiers);
        Console.WriteLine($"Appended {dossiers * History.EventsPerDossier:N0} events ({dossiers:N0} dossiers) " +
            $"in {append.Elapsed.TotalSeconds:F1} s");
    }

    await using var store = Store(connection, withProjections: true);
    await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    var scan = await ScanAsync(connection);
    var total = dossiers * History.EventsPerDossier;
    Console.WriteLine($"Raw scan (COPY data TO STDOUT, discarded): {scan.TotalSeconds:F2} s, " +
        $"{total / scan.TotalSeconds:N0} events/s");

    using var daemon = await store.BuildProjectionDaemonAsync();
    var all = Stopwatch.StartNew();
    var names = store.Options.Projections.All.Select(p => p.Name).ToList();
    foreach (var name in names)
    {
        var one = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(2), CancellationToken.None);
        Console.WriteLine($"Rebuilt {name,-16} in {one.Elapsed.TotalSeconds,7:F1} s, " +
            $"{total / one.Elapsed.TotalSeconds,10:N0} events/s");
    }
    Console.WriteLine($"Rebuilt all {names.Count} projections in {all.Elapsed.TotalSeconds:F1} s: " +
        $"{total / all.Elapsed.TotalSeconds:N0} events/s for the set, " +
        $"{total * names.Count / all.Elapsed.TotalSeconds:N0} event-projections/s");
}
finally
{
    if (cluster is not null)
        await cluster.StopAsync();
}

// The ledger's event settings, in a schema of its own so a benchmark never touches real data.
static DocumentStore Store(string connection, bool withProjections) => DocumentStore.For(options =>
{
    options.Connection(connection);
    options.DatabaseSchemaName = "onestop_bench";
    options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
    options.Events.StreamIdentity = StreamIdentity.AsGuid;
    options.Events.AppendMode = withProjections ? EventAppendMode.Rich : EventAppendMode.Quick;
    options.Events.MetadataConfig.EnableAll();
    options.Events.MetadataConfig.UserNameEnabled = true;
    if (withProjections)
        options.AddOneStopProjections();
});

// A benchmark of rebuilding, not of commands: streams go straight in, a thousand dossiers per transaction.
static async Task AppendAsync(DocumentStore store, int dossiers)
{
    const int Batch = 1000;
    await Parallel.ForEachAsync(Enumerable.Range(0, (dossiers + Batch - 1) / Batch),
        new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
        async (batch, ct) =>
        {
            await using var session = store.LightweightSession();
            session.CorrelationId = $"bench-{batch}";
            session.SetHeader("officer", "rc-01");
            session.SetHeader("role", "reception");
            session.SetHeader("unit", "MOTCUA");
            session.SetHeader("channel", "bench");
            for (var n = batch * Batch; n < Math.Min(dossiers, (batch + 1) * Batch); n++)
            {
                var (id, history) = History.Dossier(n);
                session.Events.StartStream<Dossier>(id, history);
            }
            await session.SaveChangesAsync(ct);
        });
}

static async Task<TimeSpan> ScanAsync(string connection)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    var clock = Stopwatch.StartNew();
    using (var reader = await db.BeginTextExportAsync("COPY (SELECT data FROM onestop_bench.mt_events) TO STDOUT"))
    {
        var buffer = new char[1 << 16];
        while (await reader.ReadAsync(buffer, 0, buffer.Length) > 0)
        {
        }
    }
    return clock.Elapsed;
}
