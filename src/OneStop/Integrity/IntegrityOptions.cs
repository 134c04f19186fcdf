namespace OneStop.Integrity;

/// <summary>How often checkpoints are signed and how long a fresh event settles before it is logged.</summary>
public sealed record IntegrityOptions(TimeSpan CheckpointEvery, TimeSpan Settle)
{
    public static IntegrityOptions From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(configuration.GetValue("OneStop:Ledger:CheckpointSeconds", 10.0)),
        TimeSpan.FromSeconds(configuration.GetValue("OneStop:Ledger:SettleSeconds", 2.0)));
}
