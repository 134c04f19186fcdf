using OneStop.Dossiers;

namespace OneStop.Observability;

/// <summary>
/// Puts the request's correlation id (X-Correlation-ID, or the one we made up) in the logging scope, so every
/// log line written while the request runs, by us, Marten or Wolverine, can be joined with its events.
/// </summary>
public sealed class CorrelationScope(RequestDelegate next, ILogger<CorrelationScope> logger)
{
    public const string Key = "CorrelationId";

    public async Task InvokeAsync(HttpContext http)
    {
        using (logger.BeginScope(new Dictionary<string, object> { [Key] = AuditMetadata.CorrelationId(http) }))
            await next(http);
    }

    /// <summary>First in the pipeline, so the exception handler's own log lines carry the id too.</summary>
    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<CorrelationScope>();
            next(app);
        };
    }
}
