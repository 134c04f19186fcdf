using JasperFx.CommandLine;
using Marten;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Hosting;
using Spectre.Console;

namespace OneStop.Seeding;

/// <summary>Flags of the `seed-demo` command.</summary>
public sealed class SeedDemoInput : NetCoreInput
{
    [Description("How many days of history, ending now (default 90)")]
    [FlagAlias("days")]
    public int DaysFlag { get; set; } = 90;

    [Description("Dossiers submitted on an average working day (default 40)")]
    [FlagAlias("per-day")]
    public int PerDayFlag { get; set; } = 40;

    [Description("Random seed, for a repeatable history (default 2026)")]
    [FlagAlias("seed")]
    public int SeedFlag { get; set; } = 2026;
}

/// <summary>Fills an empty ledger with months of realistic history, through the real command handlers.</summary>
[Description("Fill an empty ledger with months of demo history over the real catalogue", Name = "seed-demo")]
public sealed class SeedDemoCommand : JasperFxAsyncCommand<SeedDemoInput>
{
    public SeedDemoCommand()
    {
        Usage("Seed").Arguments().ValidFlags(x => x.DaysFlag, x => x.PerDayFlag, x => x.SeedFlag);
    }

    public override async Task<bool> Execute(SeedDemoInput input)
    {
        if (input.DaysFlag is < 1 or > 730 || input.PerDayFlag is < 1 or > 2000)
        {
            Console.Error.WriteLine("Give --days 1..730 and --per-day 1..2000.");
            return false;
        }

        // The web server is not started: only the ledger is needed.
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await LedgerDatabase.PrepareAsync(host.Services);
        await using (var session = store.QuerySession())
        {
            var existing = await session.AdvancedSql.QueryAsync<long>(
                $"select count(*) from {store.Options.DatabaseSchemaName}.mt_events", CancellationToken.None);
            if (existing.Single() > 0)
            {
                Console.Error.WriteLine($"The ledger already holds {existing.Single()} events; seed-demo fills an " +
                    "empty ledger only (nothing is ever deleted from a ledger).");
                return false;
            }
        }

        var until = TimeProvider.System.GetUtcNow();
        var from = until.AddDays(-input.DaysFlag);
        var history = new DemoHistory(store, host.Services.GetRequiredService<DossierCommandRunner>(),
            host.Services.GetRequiredService<ProcedureCatalogue>(), host.Services.GetRequiredService<WorkingCalendar>(),
            input.SeedFlag);

        DemoSummary summary = null!;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Simulating days", maxValue: input.DaysFlag + 1);
            summary = await history.PlayAsync(from, until, input.PerDayFlag,
                new Progress<(DateOnly Day, int Done)>(p =>
                {
                    task.Increment(1);
                    task.Description = $"{p.Day:yyyy-MM-dd}: {p.Done} dossiers";
                }), CancellationToken.None);
            task.Value = task.MaxValue;
        });

        AnsiConsole.MarkupLine($"[green]Seeded {summary.Dossiers} dossiers with {summary.Commands} commands[/], " +
            $"{from:yyyy-MM-dd} to {until:yyyy-MM-dd}. Commands the rules refused, as in real life:");
        foreach (var (kind, count) in summary.Refusals.OrderByDescending(r => r.Value))
            AnsiConsole.WriteLine($"  {count,5}  {kind}");
        return true;
    }
}
