using System.Text.Json;
using System.Threading.RateLimiting;
using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

/// <summary>
/// Reports run a few at a time and the rest wait in a bounded queue; past it the answer is an immediate 503
/// with Retry-After, while commands, tracking and the catalogue go on unhindered.
/// </summary>
public sealed class when_many_reports_are_asked_for_at_once(LedgerApp app) : OversightContext(app)
{
    [Fact]
    public async Task a_report_past_the_queue_gets_503_with_retry_after_and_others_go_on()
    {
        var (held, queued, release) = FillTheReadLimit();
        try
        {
            var refused = await Host.Scenario(s =>
            {
                s.Get.Url("/api/compliance");
                s.WithBearerToken(Supervisor);
                s.StatusCodeShouldBe(503);
            });
            refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe("1");
            (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("type").GetString()
                .ShouldBe("https://onestop.gov.vn/problems/unavailable");
            await Host.Scenario(s =>
            {
                s.Get.Url("/api/procedures");
                s.StatusCodeShouldBeOk();
            });
        }
        finally
        {
            await ReleaseAsync(held, queued, release);
        }

        await GetJson("/api/compliance", Supervisor);
    }

    [Theory]
    [InlineData("/api/compliance/")]
    [InlineData("/API/Worklist/")]
    [InlineData("/dashboard/")]
    public async Task a_trailing_slash_waits_in_the_same_line(string path)
    {
        var (held, queued, release) = FillTheReadLimit();
        try
        {
            await Host.Scenario(s =>
            {
                s.Get.Url(path);
                s.WithBearerToken(Supervisor);
                s.StatusCodeShouldBe(503);
            });
        }
        finally
        {
            await ReleaseAsync(held, queued, release);
        }
    }

    [Fact]
    public async Task anonymous_reports_cannot_crowd_out_officers_reads()
    {
        var (held, queued, release) = FillTheReadLimit("/api/reports/transparency");
        try
        {
            await Host.Scenario(s =>
            {
                s.Get.Url("/reports/");
                s.StatusCodeShouldBe(503);
            });
            await GetJson("/api/compliance", Supervisor);
        }
        finally
        {
            await ReleaseAsync(held, queued, release);
        }
    }

    [Fact]
    public async Task the_limit_still_admits_reports_after_standing_idle()
    {
        await GetJson("/api/reports/transparency?month=2026-03");

        // The partitioned limiter retires a limiter idle for 10 s; the next report must find a fresh one.
        await Task.Delay(TimeSpan.FromSeconds(12));

        await GetJson("/api/reports/transparency?month=2026-03");
    }

    private static async Task ReleaseAsync(List<RateLimitLease> held, List<Task<RateLimitLease>> queued,
        CancellationTokenSource release)
    {
        await release.CancelAsync();
        await Task.WhenAll(queued.Select(q => q.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null)));
        held.ForEach(l => l.Dispose());
    }

    private (List<RateLimitLease> Held, List<Task<RateLimitLease>> Queued, CancellationTokenSource Release)
        FillTheReadLimit(string path = "/api/compliance")
    {
        var limiter = Host.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var report = new DefaultHttpContext { Request = { Path = path } };
        var held = new List<RateLimitLease>();
        for (var lease = limiter.AttemptAcquire(report); lease.IsAcquired; lease = limiter.AttemptAcquire(report))
            held.Add(lease);
        held.ShouldNotBeEmpty();
        var release = new CancellationTokenSource();
        var queued = new List<Task<RateLimitLease>>();
        // Fill the queue: the first acquisition refused outright marks its end.
        while (true)
        {
            var waiting = limiter.AcquireAsync(report, 1, release.Token).AsTask();
            if (waiting.IsCompleted)
            {
                waiting.Result.IsAcquired.ShouldBeFalse();
                waiting.Result.Dispose();
                break;
            }

            queued.Add(waiting);
        }

        return (held, queued, release);
    }
}
