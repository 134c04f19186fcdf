using Npgsql;
using OneStop.Hosting;

namespace OneStop.Integrity;

/// <summary>
/// Installs the hashing trigger at start (after Marten's own schema, since it hangs on Marten's event table),
/// then logs events and signs checkpoints on a fixed period.
/// </summary>
public sealed partial class CheckpointPublisher(
    IServiceProvider services,
    MerkleLog log,
    IntegrityOptions options,
    ILogger<CheckpointPublisher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LedgerDatabase.PrepareAsync(services, cancellationToken);
        await log.CatchUpPublicationAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.CheckpointEvery <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(options.CheckpointEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await log.AdvanceAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                LogFailure(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing a ledger checkpoint failed; retrying next period")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
