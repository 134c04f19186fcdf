using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace OneStop.Bench.Reads;

/// <summary>One kind of read: its name, its share of the requests, and how to make one.</summary>
public sealed record ReadKind(string Name, double Share, double TargetMs, double TargetPercentile,
    Func<HttpRequestMessage> Request);

/// <summary>Latencies of one kind of read in one run, measured from when the request was due.</summary>
public sealed record ReadResult(string Name, IReadOnlyList<double> LatenciesMs, int Failed)
{
    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
            return double.NaN;
        var sorted = LatenciesMs.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}

/// <summary>
/// An open-loop load: requests are sent on a fixed schedule whether or not earlier ones have answered, and each
/// latency counts from the moment the request was due, so a slow server cannot slow the load down and hide
/// its own queueing (coordinated omission). A request unanswered after <see cref="Timeout"/> is abandoned,
/// counted as failed and recorded at the timeout, so a saturated server still ends the run and shows in p99.
/// </summary>
public static class OpenLoop
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<ReadResult>> RunAsync(
        HttpClient http,
        IReadOnlyList<ReadKind> kinds,
        int perSecond,
        TimeSpan duration)
    {
        var latencies = kinds.ToDictionary(k => k.Name, _ => new ConcurrentBag<double>());
        var failures = kinds.ToDictionary(k => k.Name, _ => 0);
        var pending = new List<Task>();
        var random = new Random(8);
        var total = (int)(perSecond * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            var kind = Pick(kinds, random.NextDouble());
            pending.Add(Task.Run(async () =>
            {
                var ok = await SendAsync(http, kind.Request(), due + Timeout - clock.Elapsed);
                var latency = clock.Elapsed - due;
                latencies[kind.Name].Add(Math.Min(latency.TotalMilliseconds, Timeout.TotalMilliseconds));
                if (!ok)
                {
                    lock (failures)
                        failures[kind.Name]++;
                }
            }));
        }

        await Task.WhenAll(pending);
        return [.. kinds.Select(k => new ReadResult(k.Name, [.. latencies[k.Name]], failures[k.Name]))];
    }

    /// <summary>Sequential requests, each sent when the previous one has answered: latency without queueing.</summary>
    public static async Task<ReadResult> OneAtATimeAsync(HttpClient http, ReadKind kind, int warmUp, int count)
    {
        var latencies = new List<double>();
        var failed = 0;
        for (var i = 0; i < warmUp + count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ok = await SendAsync(http, kind.Request(), TimeSpan.FromSeconds(60));
            if (i < warmUp)
                continue;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            failed += ok ? 0 : 1;
        }

        return new ReadResult(kind.Name, latencies, failed);
    }

    private static ReadKind Pick(IReadOnlyList<ReadKind> kinds, double draw)
    {
        foreach (var kind in kinds)
        {
            if (draw < kind.Share)
                return kind;
            draw -= kind.Share;
        }

        return kinds[^1];
    }

    private static async Task<bool> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan left)
    {
        try
        {
            if (left <= TimeSpan.Zero)
                return false;
            using var cancel = new CancellationTokenSource(left);
            using var response = await http.SendAsync(request, cancel.Token);
            await response.Content.CopyToAsync(Stream.Null, cancel.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            request.Dispose();
        }
    }
}
