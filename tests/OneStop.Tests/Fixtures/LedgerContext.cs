using System.Net.Http.Headers;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Catalogue;
using OneStop.Dossiers;

namespace OneStop.Tests.Fixtures;

/// <summary>
/// Base of the HTTP tests: the ledger is reset before (not after) each test, and helpers reach each state of a
/// dossier through the real API, named for the state they reach.
/// </summary>
[Collection(LedgerCollection.Name)]
public abstract class LedgerContext(LedgerApp app) : IAsyncLifetime
{
    /// <summary>A procedure counted in working days: 7 working days, handled by one unit.</summary>
    public const string ProcedureCode = "G06.TDC.02";
    public const string ReceptionUnit = "MOTCUA";

    protected LedgerApp App { get; } = app;
    protected IAlbaHost Host => App.Host;
    protected IDocumentStore Store => App.Store;
    protected Procedure Procedure => Host.Services.GetRequiredService<ProcedureCatalogue>().Find(ProcedureCode)!;
    protected string HandlingUnit => Procedure.Steps[0].Unit;

    protected string Reception => App.Token("rc-01", "reception", ReceptionUnit);
    protected string Handler => App.Token("hd-01", "handler", HandlingUnit);
    protected string UnitHead => App.Token("uh-01", "unit-head", HandlingUnit);
    protected string OtherUnitHandler => App.Token("hd-99", "handler", "OTHERUNIT");

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected void At(DateTimeOffset instant) => App.Clock.SetUtcNow(instant);

    protected static DateTimeOffset Hanoi(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    protected string[] AllRequiredComponents() => [.. Procedure.Components.Where(c => c.Required).Select(c => c.Id)];

    protected async Task<JsonElement> Submit(Channel channel = Channel.Counter, string[]? components = null,
        string? token = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                procedureCode = ProcedureCode,
                channel = channel.ToString(),
                applicant = new { kind = "Citizen", name = "Nguyễn Văn Test", identityNumber = "001099012345" },
                components = components ?? AllRequiredComponents(),
            }).ToUrl("/api/dossiers");
            if (channel is Channel.Counter or Channel.Postal || token is not null)
                s.WithBearerToken(token ?? Reception);
            s.StatusCodeShouldBe(201);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>POST a command; returns the status and parsed body.</summary>
    protected async Task<(int Status, JsonElement Body)> Command(Guid id, string path, object body, string token)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/dossiers/{id}/{path}");
            s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var json = string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (result.Context.Response.StatusCode, json);
    }

    protected async Task<int> Ok(Guid id, string path, object body, string token)
    {
        var (status, json) = await Command(id, path, body, token);
        if (status != 200)
            throw new InvalidOperationException($"POST {path} answered {status}: {json}");
        return json.GetProperty("version").GetInt32();
    }

    /// <summary>Attach a scanned component (multipart, as the scanner does); returns the status and body.</summary>
    protected async Task<(int Status, string Body)> Scan(Guid id, int version, string componentId, string token,
        byte[]? content = null)
    {
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { new StringContent(componentId), "componentId" },
            { new ByteArrayContent(content ?? "%PDF-1.4 scanned page"u8.ToArray()), "file", "scan.pdf" },
        };
        var response = await client.PostAsync($"/api/dossiers/{id}/documents", form);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected async Task<JsonElement> View(Guid id)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/dossiers/{id}");
            s.WithBearerToken(Reception);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    protected async Task<int> EventCount(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count;
    }

    protected async Task<Guid> a_submitted_dossier(Channel channel = Channel.Counter, string[]? components = null) =>
        (await Submit(channel, components)).GetProperty("id").GetGuid();

    protected async Task<(Guid Id, int Version)> a_received_dossier()
    {
        var id = await a_submitted_dossier();
        var version = await Ok(id, "reception", new { version = 1 }, Reception);
        return (id, version);
    }

    protected async Task<(Guid Id, int Version)> a_dossier_in_processing()
    {
        var (id, version) = await a_received_dossier();
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);
        return (id, version);
    }

    protected async Task<(Guid Id, int Version)> a_decided_dossier(string outcome = "approved")
    {
        var (id, version) = await a_dossier_in_processing();
        version = await Ok(id, "decision", new { version, outcome, reason = "Meets every condition" }, UnitHead);
        return (id, version);
    }

    protected async Task<(Guid Id, int Version)> a_dossier_with_its_result_issued()
    {
        var (id, version) = await a_decided_dossier();
        version = await Ok(id, "result", new { version, documentSha256 = new string('a', 64) }, UnitHead);
        return (id, version);
    }
}
