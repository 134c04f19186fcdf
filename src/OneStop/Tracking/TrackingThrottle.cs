using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using OneStop.Problems;

namespace OneStop.Tracking;

/// <summary>How many tracking attempts one client address and one dossier code get per window.</summary>
public sealed record TrackingLimits(int PerClient, TimeSpan ClientWindow, int PerCode, TimeSpan CodeWindow)
{
    public static TrackingLimits From(IConfiguration configuration) => new(
        configuration.GetValue("OneStop:Tracking:PerClient", 30),
        TimeSpan.FromSeconds(configuration.GetValue("OneStop:Tracking:ClientWindowSeconds", 60)),
        configuration.GetValue("OneStop:Tracking:PerCode", 10),
        TimeSpan.FromSeconds(configuration.GetValue("OneStop:Tracking:CodeWindowSeconds", 600)));
}

/// <summary>
/// Citizens' tracking takes a code and a secret, so it is where codes could be enumerated and secrets
/// guessed. Each attempt spends a permit of the client address and one of the code (whether the code
/// exists or not, so a refusal tells nothing), before any lookup; beyond either limit the answer is 429
/// with Retry-After. The code is in the JSON body, which the rate-limiting middleware never reads, so the
/// endpoint asks here with both keys.
/// </summary>
public sealed class TrackingThrottle(TrackingLimits limits) : IDisposable
{
    private Limiters limiters = Limiters.Create(limits);

    public void Admit(HttpContext http, string code)
    {
        var (clients, codes) = limiters;
        Spend(clients, ClientOf(http));
        Spend(codes, code.Trim().ToUpperInvariant());
    }

    // LIMITATION: the client is the connection's address. Behind a reverse proxy every citizen shares the
    // proxy's address, and so one limit, until forwarded headers are configured (ASP.NET Core's
    // ForwardedHeadersOptions with the proxy's address as a known proxy); the service does not read them.
    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        // One IPv6 subscriber usually holds a whole /64: count it as one client.
        { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } v6 =>
            new IPAddress([.. v6.GetAddressBytes()[..8], .. new byte[8]]).ToString() + "/64",
        var address => address.MapToIPv4().ToString(),
    };

    /// <summary>Forgets every count (tests start each case with fresh limits).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref limiters, Limiters.Create(limits)).Dispose();
    }

    public void Dispose() => limiters.Dispose();

    private static void Spend(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
            return;
        throw new Throttled(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : TimeSpan.FromMinutes(1));
    }

    private sealed record Limiters(PartitionedRateLimiter<string> Clients, PartitionedRateLimiter<string> Codes)
        : IDisposable
    {
        public static Limiters Create(TrackingLimits limits) =>
            new(Windowed(limits.PerClient, limits.ClientWindow), Windowed(limits.PerCode, limits.CodeWindow));

        public void Dispose()
        {
            Clients.Dispose();
            Codes.Dispose();
        }

        private static PartitionedRateLimiter<string> Windowed(int permits, TimeSpan window) =>
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, permits),
                    Window = window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
    }
}
