using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using OneStop.Problems;

namespace OneStop.Hosting;

/// <summary>
/// The reads that tally many dossiers (worklist, compliance, transparency, audit and their pages) run a few
/// at a time, the rest wait in a bounded queue; beyond it the answer is 503 with Retry-After at once. A burst
/// of reports then sheds load instead of piling up work and memory, and commands and tracking, which are not
/// limited, keep their share of the processors. A caller that gives up leaves the queue.
/// </summary>
public static class ReadLimits
{
    public const string Policy = "heavy-reads";

    /// <summary>Anyone may ask for these without a token, so they wait in a line of their own.</summary>
    public const string PublicPolicy = "heavy-public-reads";

    private static readonly string[] OfficerPaths =
        ["/api/worklist", "/api/compliance", "/api/audit", "/worklist", "/dashboard", "/audit"];

    private static readonly string[] PublicPaths = ["/api/reports/transparency", "/reports"];

    public static void AddReadLimits(this WebApplicationBuilder builder)
    {
        var concurrent = builder.Configuration.GetValue("OneStop:Reads:Concurrent", 2 * Environment.ProcessorCount);
        // A short queue: past a few seconds' worth of waiting, an immediate 503 serves the caller better.
        var queue = builder.Configuration.GetValue("OneStop:Reads:Queue", 4 * concurrent);
        var limits = new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, concurrent),
            QueueLimit = Math.Max(0, queue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        builder.Services.AddRateLimiter(options =>
        {
            // Officers' reads and the public's wait apart, so anonymous callers cannot crowd out a unit's worklist.
            // The partitioned limiter owns each one: it disposes an idle one and makes it anew when needed.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                PartitionOf(http.Request.Path) is { } partition
                    ? RateLimitPartition.GetConcurrencyLimiter(partition, _ => limits)
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "1";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(
                    new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = new ProblemDetails
                        {
                            Status = StatusCodes.Status503ServiceUnavailable,
                            Type = ProblemTypes.Unavailable,
                            Title = "Too many reports are being prepared; retry in a moment.",
                            Detail = string.Create(CultureInfo.InvariantCulture,
                                $"At most {limits.PermitLimit} run at once and {limits.QueueLimit} wait."),
                        },
                    });
            };
        });
    }

    /// <summary>Which line a path waits in, or null when it is not limited; a trailing slash routes the same.</summary>
    public static string? PartitionOf(PathString path)
    {
        var value = (path.Value ?? "").TrimEnd('/');
        bool In(string[] paths) => paths.Any(p => value.Equals(p, StringComparison.OrdinalIgnoreCase));
        return In(OfficerPaths) ? Policy : In(PublicPaths) ? PublicPolicy : null;
    }
}
