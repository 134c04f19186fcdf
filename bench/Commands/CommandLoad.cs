using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Bench.Commands;

/// <summary>Latencies and outcomes of one load run.</summary>
public sealed record LoadResult(int Clients, double Seconds, long Succeeded, long Conflicts, long Failed,
    IReadOnlyList<double> LatenciesMs)
{
    public double PerSecond => Succeeded / Seconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
            return 0;
        var sorted = LatenciesMs.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}

/// <summary>
/// The command mix over HTTP: each client walks its own dossiers from submission to return (80% of
/// commands), and one in five commands is a hand-over on a few hot dossiers shared by every client, where
/// racing versions meet 409s as they would at a busy desk.
/// </summary>
public sealed class CommandLoad(Uri url, string reception, string head, string unit)
{
    private const string Procedure = "G06.TDC.02";
    private readonly HotDossier[] hot = new HotDossier[4];

    public async Task PrepareAsync()
    {
        using var http = Client(reception);
        for (var i = 0; i < hot.Length; i++)
        {
            var (id, version) = await Submit(http);
            version = (await Send(http, $"/api/dossiers/{id}/reception", new { version })).Version;
            version = (await Send(http, $"/api/dossiers/{id}/handovers", new { version, step = 1, unit })).Version;
            hot[i] = new HotDossier(id, version);
        }
    }

    public async Task<LoadResult> RunAsync(int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        long succeeded = 0, conflicts = 0, failed = 0;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            var random = new Random(c);
            using var desk = Client(reception);
            using var boss = Client(head);
            Flow? flow = null;
            while (deadline.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var outcome = random.NextDouble() < 0.2
                    ? await HotHandOver(boss, hot[random.Next(hot.Length)])
                    : await Step(desk, boss, flow ??= new Flow());
                if (flow is { Done: true })
                    flow = null;
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _ = outcome switch
                {
                    HttpStatusCode.OK or HttpStatusCode.Created => Interlocked.Increment(ref succeeded),
                    HttpStatusCode.Conflict => Interlocked.Increment(ref conflicts),
                    _ => Interlocked.Increment(ref failed),
                };
            }
        }));
        return new LoadResult(clients, deadline.Elapsed.TotalSeconds, succeeded, conflicts, failed,
            [.. latencies.SelectMany(l => l)]);
    }

    private async Task<HttpStatusCode> Step(HttpClient desk, HttpClient boss, Flow flow)
    {
        (HttpStatusCode Status, int Version) answer = flow.Next switch
        {
            0 => await SubmitInto(desk, flow),
            1 => await Send(desk, $"/api/dossiers/{flow.Id}/reception", new { version = flow.Version }),
            2 => await Send(desk, $"/api/dossiers/{flow.Id}/handovers", new { version = flow.Version, step = 1, unit }),
            3 => await Send(boss, $"/api/dossiers/{flow.Id}/decision",
                new { version = flow.Version, outcome = "approved", reason = "ok" }),
            4 => await Send(boss, $"/api/dossiers/{flow.Id}/result",
                new { version = flow.Version, documentSha256 = new string('a', 64) }),
            _ => await Send(desk, $"/api/dossiers/{flow.Id}/return",
                new { version = flow.Version, method = "counter", applicantNotified = true }),
        };
        flow.Version = answer.Version;
        flow.Next = answer.Status is HttpStatusCode.OK or HttpStatusCode.Created ? flow.Next + 1 : 6;
        return answer.Status;
    }

    private async Task<(HttpStatusCode, int)> SubmitInto(HttpClient desk, Flow flow)
    {
        (flow.Id, var version) = await Submit(desk);
        return (HttpStatusCode.Created, version);
    }

    /// <summary>The unit that holds the hot dossiers moves them between its steps.</summary>
    private async Task<HttpStatusCode> HotHandOver(HttpClient unitHead, HotDossier dossier)
    {
        var seen = dossier.Version;
        var (status, version) = await Send(unitHead, $"/api/dossiers/{dossier.Id}/handovers",
            new { version = seen, step = 1 + (seen % 2), unit });
        if (status == HttpStatusCode.OK)
            dossier.Version = version;
        else if (status == HttpStatusCode.Conflict)
            dossier.Version = await CurrentVersion(unitHead, dossier.Id);
        return status;
    }

    private static async Task<int> CurrentVersion(HttpClient http, Guid id)
    {
        var view = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/dossiers/{id}", UriKind.Relative));
        return view.GetProperty("version").GetInt32();
    }

    private static async Task<(Guid Id, int Version)> Submit(HttpClient http)
    {
        var response = await http.PostAsJsonAsync(new Uri("/api/dossiers", UriKind.Relative), new
        {
            procedureCode = Procedure,
            channel = "Counter",
            applicant = new { kind = "Enterprise", name = "Công ty Đo lường Thử nghiệm" },
            components = new[] { "C01", "C02", "C03", "C04", "C05" },
        });
        response.EnsureSuccessStatusCode();
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (receipt.GetProperty("id").GetGuid(), receipt.GetProperty("version").GetInt32());
    }

    private static async Task<(HttpStatusCode Status, int Version)> Send(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        if (!response.IsSuccessStatusCode)
            return (response.StatusCode, 0);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, answer.GetProperty("version").GetInt32());
    }

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private sealed class Flow
    {
        public Guid Id { get; set; }
        public int Version { get; set; }
        public int Next { get; set; }
        public bool Done => Next >= 6;
    }

    private sealed class HotDossier(Guid id, int version)
    {
        public Guid Id { get; } = id;
        public int Version { get; set; } = version;
    }
}
