using System.Diagnostics.Metrics;
using Marten;
using OneStop.Dossiers;
using OneStop.Hosting;
using OneStop.Projections.Dossiers;
using Wolverine.Runtime;

namespace OneStop.Observability;

public sealed record LedgerGaugeOptions(TimeSpan Every)
{
    public static LedgerGaugeOptions From(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("OneStop:Telemetry:SampleSeconds", 15))));
}

/// <summary>What the ledger's gauges read at the last sample.</summary>
public sealed record LedgerSample(
    DateTimeOffset At,
    long HighWaterMark,
    IReadOnlyDictionary<string, long> ProjectionLag,
    int OutboxOutgoing,
    int OutboxIncoming,
    int OutboxScheduled,
    int DeadLetters,
    int OverdueDossiers);

/// <summary>
/// Projection lag, outbox depth and overdue dossiers as observable gauges. The database is read at most once
/// per period by this background loop; a collector scraping more often sees the last sample, so monitoring
/// can never add load to the ledger.
/// </summary>
public sealed partial class LedgerGauges : BackgroundService
{
    public const string MeterName = "OneStop";

    private readonly IDocumentStore store;
    private readonly IWolverineRuntime wolverine;
    private readonly TimeProvider clock;
    private readonly LedgerGaugeOptions options;
    private readonly ILogger<LedgerGauges> logger;
    private volatile LedgerSample? latest;

    public LedgerGauges(IDocumentStore store, IWolverineRuntime wolverine, TimeProvider clock,
        LedgerGaugeOptions options, IMeterFactory meters, ILogger<LedgerGauges> logger)
    {
        (this.store, this.wolverine, this.clock) = (store, wolverine, clock);
        (this.options, this.logger) = (options, logger);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("onestop.projection.lag", ProjectionLag, "{event}",
            "Events appended but not yet applied by each async projection (high-water mark minus its progress)");
        meter.CreateObservableGauge("onestop.outbox.depth", OutboxDepth, "{envelope}",
            "Wolverine envelopes waiting in the durable inbox and outbox, and dead letters");
        meter.CreateObservableGauge("onestop.dossiers.overdue", () => latest?.OverdueDossiers ?? 0, "{dossier}",
            "Received, unfinished dossiers past their appointment (clock not paused for a supplement)");
    }

    public LedgerSample? Latest => latest;

    public async Task<LedgerSample> SampleAsync(CancellationToken ct)
    {
        var progress = await ProjectionProgress.ReadAsync(store, ct);
        var highWater = ProjectionProgress.HighWaterMark(progress);
        var lag = ProjectionProgress.Projections(progress)
            .ToDictionary(p => p.Key, p => Math.Max(0, highWater - p.Value));
        await using var session = store.QuerySession();
        var now = clock.GetUtcNow();
        var overdue = await session.Query<DossierView>().CountAsync(v => v.FinishedAt == null && v.ReceivedAt != null
            && v.Status != DossierStatus.AwaitingSupplement && v.Appointment < now, ct);
        var counts = await wolverine.Storage.Admin.FetchCountsAsync();
        var sample = new LedgerSample(now, highWater, lag, counts.Outgoing, counts.Incoming, counts.Scheduled,
            counts.DeadLetter, overdue);
        latest = sample;
        return sample;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Every);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Monitoring must never stop the service (a failing BackgroundService stops the host): whatever
                // went wrong, the gauges keep their last values and the next period tries again.
                LogSampleFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<long>> ProjectionLag() =>
        (latest?.ProjectionLag ?? new Dictionary<string, long>())
            .Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("projection", p.Key)));

    private IEnumerable<Measurement<int>> OutboxDepth()
    {
        if (latest is not { } sample)
            yield break;
        yield return new(sample.OutboxOutgoing, new KeyValuePair<string, object?>("box", "outgoing"));
        yield return new(sample.OutboxIncoming, new KeyValuePair<string, object?>("box", "incoming"));
        yield return new(sample.OutboxScheduled, new KeyValuePair<string, object?>("box", "scheduled"));
        yield return new(sample.DeadLetters, new KeyValuePair<string, object?>("box", "dead-letter"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the ledger gauges failed ({Failure})")]
    private static partial void LogSampleFailed(ILogger logger, string failure);
}
