using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace OneStop.Chaos;

/// <summary>
/// The command mix (as bench/Commands drives it): each client walks its own dossiers from submission to
/// return, and one command in five is a hand-over on a few hot dossiers every client shares, where racing
/// versions meet 409s. Every command carries a fresh correlation id and lands in the <see cref="CommandLog"/>;
/// after an unanswered command the client reloads the dossier to learn whether it committed before going on.
/// </summary>
public sealed class CommandMix(Func<Uri> target, ChaosLedger ledger, CommandLog log)
{
    public const string ReceptionUnit = "MOTCUA";
    public const string HandlingUnit = "UBTCDLCL";
    private const string Procedure = "G06.TDC.02";

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    })
    { Timeout = TimeSpan.FromSeconds(15) };

    private readonly List<Hot> hot = [];
    private long unavailable;
    private long unreachable;

    /// <summary>503 answers seen, each checked for Retry-After and the unavailable problem type.</summary>
    public List<string> UnavailableAnswers { get; } = [];

    public long Unavailable => Interlocked.Read(ref unavailable);

    public long Unreachable => Interlocked.Read(ref unreachable);

    public async Task PrepareAsync(int hotDossiers, CancellationToken ct)
    {
        for (var i = 0; i < hotDossiers; i++)
        {
            var flow = new Flow();
            while (flow.Next < 3 && !ct.IsCancellationRequested)
                await StepAsync(flow, ct);
            hot.Add(new Hot(flow.Id, flow.Version));
        }
    }

    public async Task RunAsync(int clients, CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c);
            Flow? flow = null;
            while (!stop.IsCancellationRequested)
            {
                if (hot.Count > 0 && random.NextDouble() < 0.2)
                    await HotHandOverAsync(hot[random.Next(hot.Count)], stop);
                else
                    await StepAsync(flow ??= new Flow(), stop);
                if (flow is { Done: true })
                    flow = null;
            }
        }));
    }

    private async Task StepAsync(Flow flow, CancellationToken stop)
    {
        var v = flow.Version;
        var answer = flow.Next switch
        {
            0 => await SendAsync("/api/dossiers", ledger.Reception, "dossier_submitted", null, 0, new
            {
                procedureCode = Procedure,
                channel = "Counter",
                applicant = new { kind = "Enterprise", name = "Công ty Đo lường Thử nghiệm" },
                components = new[] { "C01", "C02", "C03", "C04", "C05" },
            }),
            1 => await SendAsync(Path(flow, "reception"), ledger.Reception, "dossier_received", flow.Id, v,
                new { version = v }),
            2 => await SendAsync(Path(flow, "handovers"), ledger.Reception, "dossier_handed_over", flow.Id, v,
                new { version = v, step = 1, unit = HandlingUnit }),
            3 => await SendAsync(Path(flow, "decision"), ledger.UnitHead, "decision_made", flow.Id, v,
                new { version = v, outcome = "approved", reason = "Đủ điều kiện" }),
            4 => await SendAsync(Path(flow, "result"), ledger.UnitHead, "result_issued", flow.Id, v,
                new { version = v, documentSha256 = new string('a', 64) }),
            _ => await SendAsync(Path(flow, "return"), ledger.Reception, "result_returned", flow.Id, v,
                new { version = v, method = "counter", applicantNotified = true }),
        };

        switch (answer.Outcome)
        {
            case Outcome.Acknowledged:
                (flow.Id, flow.Version, flow.Next) = (answer.Id ?? flow.Id, answer.Version, flow.Next + 1);
                break;
            case Outcome.Refused:
                // Only this client writes to its own dossiers, so a refusal here is unexpected: start afresh.
                flow.Next = 6;
                break;
            case Outcome.InFlight when flow.Next == 0:
                // The dossier may exist, but its id never reached us: the audit accepts it as in flight.
                break;
            case Outcome.InFlight:
                var current = await ReloadVersionAsync(flow.Id, stop);
                if (current is null)
                    flow.Next = 6;
                else if (current > flow.Version)
                    (flow.Version, flow.Next) = (current.Value, flow.Next + 1);
                break;
            case null:
                await Task.Delay(100, CancellationToken.None);
                break;
        }
    }

    private async Task HotHandOverAsync(Hot dossier, CancellationToken stop)
    {
        var seen = dossier.Version;
        var answer = await SendAsync($"/api/dossiers/{dossier.Id}/handovers", ledger.UnitHead, "dossier_handed_over",
            dossier.Id, seen, new { version = seen, step = 1 + (seen % 2), unit = HandlingUnit });
        if (answer.Outcome == Outcome.Acknowledged)
            dossier.Version = Math.Max(dossier.Version, answer.Version);
        else if (answer.Outcome is Outcome.Refused or Outcome.InFlight)
            dossier.Version = await ReloadVersionAsync(dossier.Id, stop) ?? dossier.Version;
        else
            await Task.Delay(100, CancellationToken.None);
    }

    /// <summary>The dossier's version once the service answers again; null if the run ends first.</summary>
    private async Task<int?> ReloadVersionAsync(Guid id, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target(), $"/api/dossiers/{id}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ledger.UnitHead);
                using var response = await http.SendAsync(request, CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    var view = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return view.GetProperty("version").GetInt32();
                }
            }
            catch (Exception e) when (Transport.Lost(e))
            {
                // Down or restarting; ask again.
            }

            await Task.Delay(200, CancellationToken.None);
        }

        return null;
    }

    private async Task<Answer> SendAsync(string path, string token, string eventType, Guid? dossier, int sent,
        object body)
    {
        var correlation = Guid.NewGuid();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target(), path))
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("X-Correlation-ID", correlation.ToString());
            using var response = await http.SendAsync(request, CancellationToken.None);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                var id = answer.TryGetProperty("id", out var given) ? given.GetGuid() : dossier;
                var version = answer.GetProperty("version").GetInt32();
                log.Add(new(
                    correlation, eventType, id, sent, Outcome.Acknowledged, status, version, DateTimeOffset.UtcNow));
                return new Answer(Outcome.Acknowledged, id, version);
            }

            if (status is >= 400 and < 500)
            {
                log.Add(new(
                    correlation, eventType, dossier, sent, Outcome.Refused, status, null, DateTimeOffset.UtcNow));
                return new Answer(Outcome.Refused, dossier, 0);
            }

            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                await NoteUnavailableAsync(response);
            log.Add(new(correlation, eventType, dossier, sent, Outcome.InFlight, status, null, DateTimeOffset.UtcNow));
            return new Answer(Outcome.InFlight, dossier, 0);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException
        { SocketErrorCode: SocketError.ConnectionRefused })
        {
            // Nothing listened, so nothing was sent: not a command, not logged.
            Interlocked.Increment(ref unreachable);
            return new Answer(null, dossier, 0);
        }
        catch (Exception e) when (Transport.Lost(e))
        {
            log.Add(new(correlation, eventType, dossier, sent, Outcome.InFlight, 0, null, DateTimeOffset.UtcNow));
            return new Answer(Outcome.InFlight, dossier, 0);
        }
    }

    private async Task NoteUnavailableAsync(HttpResponseMessage response)
    {
        Interlocked.Increment(ref unavailable);
        var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString() ?? "none";
        var type = "none";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            type = problem.TryGetProperty("type", out var t) ? t.GetString() ?? "none" : "none";
        }
        catch (JsonException)
        {
            // Recorded as "none" below; the verdict fails on it.
        }

        lock (UnavailableAnswers)
            UnavailableAnswers.Add($"{retryAfter}|{type}");
    }

    private static string Path(Flow flow, string action) => $"/api/dossiers/{flow.Id}/{action}";

    private sealed record Answer(Outcome? Outcome, Guid? Id, int Version);

    private sealed class Flow
    {
        public Guid Id { get; set; }
        public int Version { get; set; }
        public int Next { get; set; }
        public bool Done => Next >= 6;
    }

    private sealed class Hot(Guid id, int version)
    {
        public Guid Id { get; } = id;
        public int Version { get; set; } = version;
    }
}
