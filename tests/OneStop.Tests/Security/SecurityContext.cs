using System.Net;
using System.Text.Json;
using OneStop.Tests.Fixtures;
using static OneStop.Tests.Security.RawRequests;

namespace OneStop.Tests.Security;

/// <summary>The ledger context plus the other roles, citizens' tracking and the integrity walk.</summary>
public abstract class SecurityContext(LedgerApp app) : LedgerContext(app)
{
    protected string Inspector => App.Token("in-01", "inspector", "THANHTRA");
    protected string Supervisor => App.Token("sv-01", "supervisor", "VANPHONG");
    protected string Admin => App.Token("ad-01", "admin", "CNTT");
    protected string Postal => App.Token("bd-01", "postal", "BUUDIEN");

    protected async Task<JsonElement> Get(string url, string token, int status = 200)
    {
        var answer = await Host.Send(HttpMethod.Get, url, token: token);
        if (answer.Status != status)
            throw new InvalidOperationException($"GET {url} answered {answer.Status}, not {status}: {answer.Body}");
        return JsonDocument.Parse(answer.Body).RootElement.Clone();
    }

    protected async Task<RawAnswer> Post(string url, object body, string? token = null, IPAddress? client = null) =>
        await Host.Send(HttpMethod.Post, url, Json(body), token, client);

    protected async Task<RawAnswer> Track(string code, string secret, string path = "/api/track",
        IPAddress? client = null) =>
        await Post(path, new { code, secret }, client: client);

    protected async Task<JsonElement> AccessLogOf(JsonElement receipt)
    {
        var answer = await Track(receipt.GetProperty("code").GetString()!,
            receipt.GetProperty("lookupSecret").GetString()!, "/api/track/access-log");
        if (answer.Status != 200)
            throw new InvalidOperationException($"The access log answered {answer.Status}: {answer.Body}");
        return JsonDocument.Parse(answer.Body).RootElement.GetProperty("entries").Clone();
    }

    protected async Task<JsonElement> Verification()
    {
        var answer = await Post("/api/ledger/verification", new { }, Inspector);
        return JsonDocument.Parse(answer.Body).RootElement.Clone();
    }

    /// <summary>Async projections (audit log, facts) trail the appends.</summary>
    protected async Task Projected()
    {
        if ((await Store.Advanced.FetchEventStoreStatistics()).EventCount == 0)
            return;
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Host, TimeSpan.FromSeconds(60));
    }
}
