using JasperFx.OpenTelemetry;
using Marten;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneStop.Observability;

/// <summary>
/// Traces, metrics and logs for operators: OpenTelemetry from ASP.NET Core, HttpClient, the runtime, Marten
/// and Wolverine, exported over OTLP only when an endpoint is configured; the ledger's own gauges; and the
/// correlation id in every log line written while a request runs.
/// </summary>
public static class ObservabilitySetup
{
    public const string ServiceName = "onestop";

    /// <summary>The OTLP endpoint: OTEL_EXPORTER_OTLP_ENDPOINT (the standard variable) or our own setting.</summary>
    public static string? OtlpEndpoint(IConfiguration configuration) =>
        new[] { configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], configuration["OneStop:Telemetry:OtlpEndpoint"] }
            .FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(LedgerGaugeOptions.From(builder.Configuration));
        builder.Services.AddSingleton<LedgerGauges>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LedgerGauges>());
        builder.Services.AddTransient<IStartupFilter, CorrelationScope.StartupFilter>();

        var endpoint = OtlpEndpoint(builder.Configuration);
        if (endpoint is null)
            return;

        // Without an exporter nothing listens, so Marten's spans and counters would only cost time.
        builder.Services.ConfigureMarten(options =>
        {
            options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            options.OpenTelemetry.TrackEventCounters();
        });
        var target = new Uri(endpoint);
        var node = builder.Configuration["OneStop:Cluster:Node"] ?? Environment.MachineName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: node))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource("Marten", "Wolverine")
                .AddOtlpExporter(o => o.Endpoint = target))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Wolverine names its meter "Wolverine:<service name>".
                .AddMeter("Marten", "Wolverine*", LedgerGauges.MeterName)
                .AddOtlpExporter(o => o.Endpoint = target));
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
            logging.AddOtlpExporter(o => o.Endpoint = target);
        });
    }
}
