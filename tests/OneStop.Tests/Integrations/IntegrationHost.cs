using System.Text.Json;
using Alba;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Auth;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Integrations.Alerts;
using OneStop.Tests.Fixtures;
using Wolverine;
using Wolverine.Tracking;

namespace OneStop.Tests.Integrations;

/// <summary>
/// The real service with its partners configured (portal, mail, alerts), on a database the test chooses, so
/// a test can stop it and start another one on the same data, as after a crash.
/// </summary>
public sealed class IntegrationHost : IAsyncDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("onestop-int-").FullName;

    private IntegrationHost(TestClock clock) => Clock = clock;

    public TestClock Clock { get; }
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public static async Task<IntegrationHost> StartAsync(string connection, TestClock clock,
        params (string Key, string Value)[] settings)
    {
        JasperFxEnvironment.AutoStartHost = true;
        var host = new IntegrationHost(clock);
        host.Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Marten", connection);
            web.UseSetting("OneStop:DataDirectory", host.dataDirectory);
            web.UseSetting("OneStop:Ledger:CheckpointSeconds", "0");
            web.UseSetting("OneStop:Ledger:SettleSeconds", "0");
            web.UseSetting("OneStop:Alerts:Enabled", "false");
            web.UseSetting("OneStop:Integrations:RetryCooldownSeconds", "0.2,0.2,0.2");
            web.UseSetting("OneStop:Integrations:RetryScheduleSeconds", "1,1");
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
            web.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.RunWolverineInSoloMode();
            });
        });
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    public string Token(string officer, string role, string unit) =>
        Host.Services.GetRequiredService<TokenIssuer>().Issue(officer, role, unit);

    public string Reception => Token("rc-01", "reception", LedgerContext.ReceptionUnit);

    /// <summary>POSTs a body; returns the status and the parsed answer.</summary>
    public async Task<(int Status, JsonElement Body)> Post(string url, object body, string? token,
        string? idempotencyKey = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (token is not null)
                s.WithBearerToken(token);
            if (idempotencyKey is not null)
                s.WithRequestHeader("Idempotency-Key", idempotencyKey);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode,
            string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<int> Ok(Guid id, string path, object body, string token)
    {
        var (status, json) = await Post($"/api/dossiers/{id}/{path}", body, token);
        if (status != 200)
            throw new InvalidOperationException($"POST {path} answered {status}: {json}");
        return json.GetProperty("version").GetInt32();
    }

    /// <summary>A submission with every required component of the test procedure (a counter one by default).</summary>
    public async Task<(Guid Id, string Code)> Submit(string? email = null, string channel = "Counter",
        string? phone = null, string? language = null)
    {
        var procedure = Host.Services.GetRequiredService<ProcedureCatalogue>()
            .Find(LedgerContext.ProcedureCode)!;
        var paper = channel is "Counter" or "Postal";
        var (status, json) = await Post("/api/dossiers", new
        {
            procedureCode = LedgerContext.ProcedureCode,
            channel,
            applicant = new { kind = "Citizen", name = "Nguyễn Thị Thử", email, phone, language },
            components = procedure.Components.Where(c => c.Required).Select(c => c.Id).ToArray(),
        }, paper ? Reception : null);
        if (status != 201)
            throw new InvalidOperationException($"Submission answered {status}: {json}");
        return (json.GetProperty("id").GetGuid(), json.GetProperty("code").GetString()!);
    }

    /// <summary>Runs the action and waits until every message it caused is handled or scheduled.</summary>
    public Task<ITrackedSession> Tracked(Func<Task> action) =>
        Host.TrackActivity().Timeout(TimeSpan.FromMinutes(2))
            .ExecuteAndWaitAsync((IMessageContext _) => action());

    /// <summary>The deadline alerts a tracked action scheduled, with the delay each was scheduled for.</summary>
    public static IReadOnlyList<(DeadlineAlertDue Alert, TimeSpan? Delay)> ScheduledAlerts(ITrackedSession session)
        => [.. session.Scheduled.Envelopes().Where(e => e.Message is DeadlineAlertDue).DistinctBy(e => e.Id)
            .Select(e => ((DeadlineAlertDue)e.Message!, e.ScheduleDelay))];

    /// <summary>
    /// What Wolverine's scheduler does at the alert's instant: the ledger clock moves there and the message is
    /// handled. The scheduler itself runs on the machine clock, so it cannot be driven by the test clock.
    /// </summary>
    public Task<ITrackedSession> Fire(DeadlineAlertDue alert, DateTimeOffset? at = null)
    {
        Clock.SetUtcNow(at ?? alert.FireAt);
        return Host.TrackActivity().Timeout(TimeSpan.FromMinutes(2)).InvokeMessageAndWaitAsync(alert);
    }

    /// <summary>The deadline alerts raised on the dossier, as events, in order.</summary>
    public async Task<IReadOnlyList<DeadlineAlertRaised>> RaisedAlerts(Guid id)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<DeadlineAlertRaised>()];
    }

    /// <summary>Polls until the condition holds; fails with the message after the timeout.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string failure, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException(failure);
            await Task.Delay(100);
        }
    }
}
