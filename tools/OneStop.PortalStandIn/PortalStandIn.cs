using System.Net;
using System.Text.Json;

namespace OneStop.PortalStandIn;

/// <summary>One delivery the stand-in accepted: the first time its key arrived.</summary>
public sealed record PortalDelivery(string Key, string DossierCode, int StatusCode, int Version, JsonElement Record,
    DateTimeOffset At);

/// <summary>One request as it arrived, and what the stand-in answered.</summary>
public sealed record PortalAttempt(string Key, int Answered, bool Duplicate, DateTimeOffset At);

/// <summary>What the stand-in should do with the next deliveries (also <c>POST /control</c>).</summary>
public sealed record PortalBehaviour(int FailNext = 0, int LoseNextAcks = 0, int DelayMs = 0);

/// <summary>
/// A local stand-in for the National Public Service Portal: it receives status records under an
/// Idempotency-Key, keeps the first delivery of each key, and can be told to fail, be slow, or lose its
/// acknowledgements so that the sender delivers again.
/// </summary>
public sealed class PortalStandIn : IAsyncDisposable
{
    public const string StatusPath = "/api/dossier-status";

    private readonly Lock gate = new();
    private readonly List<PortalDelivery> deliveries = [];
    private readonly List<PortalAttempt> attempts = [];
    private readonly WebApplication app;
    private PortalBehaviour behaviour = new();

    private PortalStandIn(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public Uri StatusUrl => new(BaseUrl, StatusPath);

    public IReadOnlyList<PortalDelivery> Deliveries
    {
        get { lock (gate) return [.. deliveries]; }
    }

    public IReadOnlyList<PortalAttempt> Attempts
    {
        get { lock (gate) return [.. attempts]; }
    }

    public void Behave(PortalBehaviour next)
    {
        lock (gate)
            behaviour = next;
    }

    /// <summary>Starts on 127.0.0.1 at the given port, or a free one when it is 0.</summary>
    public static async Task<PortalStandIn> StartAsync(int port = 0, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var standIn = new PortalStandIn(builder.Build());
        standIn.Map();
        await standIn.app.StartAsync();
        var address = standIn.app.Urls.First();
        standIn.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return standIn;
    }

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map()
    {
        app.MapPost(StatusPath, (Delegate)ReceiveAsync);
        app.MapGet("/deliveries", () => Results.Json(new { deliveries = Deliveries, attempts = Attempts }));
        app.MapPost("/control", (PortalBehaviour next) =>
        {
            Behave(next);
            return Results.NoContent();
        });
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key))
            return Results.Problem("An Idempotency-Key header is required.", statusCode: 400);
        var record = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);

        PortalBehaviour now;
        lock (gate)
        {
            now = behaviour;
            behaviour = now with
            {
                FailNext = Math.Max(0, now.FailNext - 1),
                LoseNextAcks = now.FailNext > 0 ? now.LoseNextAcks : Math.Max(0, now.LoseNextAcks - 1),
            };
        }

        if (now.DelayMs > 0)
            await Task.Delay(now.DelayMs, http.RequestAborted);
        if (now.FailNext > 0)
            return Answer(key, 503, duplicate: false);

        bool duplicate;
        lock (gate)
        {
            duplicate = deliveries.Any(d => d.Key == key);
            if (!duplicate)
                deliveries.Add(new PortalDelivery(key, record.GetProperty("dossierCode").GetString()!,
                    record.GetProperty("statusCode").GetInt32(), record.GetProperty("version").GetInt32(), record,
                    DateTimeOffset.UtcNow));
        }

        if (now.LoseNextAcks > 0)
            return Answer(key, 503, duplicate);
        if (duplicate)
            http.Response.Headers["Idempotent-Replayed"] = "true";
        return Answer(key, 200, duplicate);
    }

    private IResult Answer(string key, int status, bool duplicate)
    {
        lock (gate)
            attempts.Add(new PortalAttempt(key, status, duplicate, DateTimeOffset.UtcNow));
        return status == 200 ? Results.Ok(new { key, duplicate }) : Results.StatusCode(status);
    }
}
