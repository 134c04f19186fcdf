using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using Marten;
using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Bench.Commands;

/// <summary>
/// The same appends straight through Marten, without our rules, metadata, projections or hash chain:
/// one stream start and five appends per dossier, each its own transaction like a command.
/// </summary>
public static class BareMarten
{
    public static async Task<double> AppendsPerSecondAsync(string connectionString, int clients, TimeSpan duration)
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = "bare";
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            options.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var actor = new Actor("rc-01", "reception", "MOTCUA");
        long appends = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var id = Guid.CreateVersion7();
                await using (var session = store.LightweightSession())
                {
                    session.Events.StartStream(id, Submitted(id, actor));
                    await session.SaveChangesAsync();
                }

                Interlocked.Increment(ref appends);
                for (var version = 1; version <= 5 && clock.Elapsed < duration; version++)
                {
                    await using var session = store.LightweightSession();
                    session.Events.Append(id, version + 1, new FeePaid(1, "bench", actor, DateTimeOffset.UtcNow));
                    await session.SaveChangesAsync();
                    Interlocked.Increment(ref appends);
                }
            }
        }));
        return appends / clock.Elapsed.TotalSeconds;
    }

    private static DossierSubmitted Submitted(Guid id, Actor actor) => new(id, "BENCH", "G06.TDC.02", 1, "Bench",
        "UBTCDLCL", new TimeLimit(7, TimeUnit.WorkingDays), null, [], Channel.Counter, Guid.Empty, "Enterprise", "x",
        [], null, actor, DateTimeOffset.UtcNow);
}
