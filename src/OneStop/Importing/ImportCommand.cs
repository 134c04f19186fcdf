using System.Diagnostics;
using JasperFx.CommandLine;
using Marten;
using OneStop.Catalogue;
using OneStop.Hosting;
using Spectre.Console;

namespace OneStop.Importing;

/// <summary>Flags of the `import` command.</summary>
public sealed class ImportInput : NetCoreInput
{
    [Description("JSON Lines file of historical dossiers (one ImportedDossier per line)")]
    [FlagAlias("file", 'f')]
    public string FileFlag { get; set; } = "";

    [Description("Dossiers per transaction (default 500)")]
    [FlagAlias("batch")]
    public int BatchFlag { get; set; } = 500;
}

/// <summary>Imports historical dossiers from an older system, with progress and a rejected-lines report.</summary>
[Description("Import historical dossiers from a JSON Lines file", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public ImportCommand()
    {
        Usage("Import").Arguments().ValidFlags(x => x.FileFlag, x => x.BatchFlag);
    }

    public override async Task<bool> Execute(ImportInput input)
    {
        if (!File.Exists(input.FileFlag) || input.BatchFlag is < 1 or > 10_000)
        {
            Console.Error.WriteLine("Usage: import --file dossiers.jsonl [--batch 500]");
            return false;
        }

        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await LedgerDatabase.PrepareAsync(host.Services);
        var import = new HistoryImport(store, host.Services.GetRequiredService<ProcedureCatalogue>(), input.BatchFlag);
        using var reader = File.OpenText(input.FileFlag);
        var clock = Stopwatch.StartNew();
        ImportSummary summary = null!;
        await AnsiConsole.Status().StartAsync("Importing", async status =>
            summary = await import.RunAsync(reader,
                new Progress<int>(done => status.Status($"Imported {done} dossiers")), CancellationToken.None));

        Console.WriteLine($"Imported {summary.Dossiers} dossiers ({summary.Events} events) in " +
            $"{clock.Elapsed.TotalSeconds:F1} s: {summary.Events / clock.Elapsed.TotalSeconds:F0} events/s.");
        foreach (var line in summary.Rejected.Take(50))
            Console.WriteLine($"  rejected {line}");
        if (summary.Rejected.Count > 50)
            Console.WriteLine($"  … and {summary.Rejected.Count - 50} more rejected lines");
        return summary.Rejected.Count == 0;
    }
}
