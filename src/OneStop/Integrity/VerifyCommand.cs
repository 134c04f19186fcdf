using JasperFx.CommandLine;
using OneStop.Hosting;

namespace OneStop.Integrity;

/// <summary>Options of the `verify` command.</summary>
public sealed class VerifyInput : NetCoreInput
{
    [Description("A checkpoints.jsonl published earlier (copied off the machine) that the ledger must still contain")]
    [FlagAlias("published", 'p')]
    public string PublishedFlag { get; set; } = "";
}

/// <summary>`dotnet run --project src/OneStop -- verify`: walks the ledger and names the first broken event.</summary>
[Description("Verify the ledger: every event's hash chain, the Merkle log and every signed checkpoint")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override async Task<bool> Execute(VerifyInput input)
    {
        using var host = input.BuildHost();
        await LedgerDatabase.PrepareAsync(host.Services);
        var brought = string.IsNullOrWhiteSpace(input.PublishedFlag) ? [] : CheckpointFile.Read(input.PublishedFlag);

        var report = await host.Services.GetRequiredService<LedgerVerifier>().VerifyAsync(brought, default);

        Console.WriteLine(report.Summary);
        return report.Intact;
    }
}
