using System.Text.Json;
using OneStop.Tests.Fixtures;

namespace OneStop.Tests.Oversight;

/// <summary>The ledger context plus what oversight tests need: waiting for async projections, reports.</summary>
public abstract class OversightContext(LedgerApp app) : LedgerContext(app)
{
    protected string Inspector => App.Token("in-01", "inspector", "THANHTRA");
    protected string Supervisor => App.Token("sv-01", "supervisor", "VANPHONG");

    /// <summary>Async projections trail the appends; every oversight read waits for them first.</summary>
    protected async Task Projected()
    {
        // Marten's wait times out on an empty event store, where nothing can be stale.
        if ((await Store.Advanced.FetchEventStoreStatistics()).EventCount == 0)
            return;
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Host, TimeSpan.FromSeconds(60));
    }

    protected async Task<JsonElement> GetJson(string url, string? token = null, int status = 200)
    {
        await Projected();
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (token is not null)
                s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>The raw bytes of a CSV answer, with its content type.</summary>
    protected async Task<(byte[] Bytes, string ContentType)> GetCsv(string url, string? token = null)
    {
        await Projected();
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", "text/csv");
            if (token is not null)
                s.WithBearerToken(token);
        });
        var body = result.Context.Response.Body;
        body.Position = 0;
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return (copy.ToArray(), result.Context.Response.ContentType ?? "");
    }

    /// <summary>Attach a digitised component (multipart, as the scanner does).</summary>
    protected async Task<int> Digitise(Guid id, int version, string componentId, string token)
    {
        var (status, body) = await Scan(id, version, componentId, token);
        if (status != 200)
            throw new InvalidOperationException($"Attaching {componentId} answered {status}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
    }
}
