using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OneStop.Chaos;

public sealed record SoakOptions(int Rounds = 20, int Concurrency = 100, bool Keep = false);

/// <summary>
/// Concurrency soak: in each round, many officers hand the same dossier over at the same version at the same
/// moment. Exactly one may win each version; all others get 409 version-conflict; the stream grows by exactly
/// the number of winners.
/// </summary>
public static class SoakRun
{
    /// <summary>Against a service process of its own (the on-demand run).</summary>
    public static async Task<Verdict> RunAsync(SoakOptions options)
    {
        await using var ledger = await ChaosLedger.StartAsync("soak", options.Keep);
        await using var node = new ServiceNode(ledger, "node1", ChaosLedger.FreePort(), "Solo");
        await node.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
        {
            BaseAddress = node.Url,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var verdict = await RunAsync(http, ledger.Reception, ledger.UnitHead, ledger.Inspector, options);
        Console.WriteLine(verdict.Line);
        return verdict;
    }

    /// <summary>Against any client of the service (the test host's in-memory one in dotnet test).</summary>
    public static async Task<Verdict> RunAsync(HttpClient http, string reception, string unitHead, string inspector,
        SoakOptions options)
    {
        var verdict = new Verdict("soak");
        Console.WriteLine(
            $"soak: {options.Rounds} rounds of {options.Concurrency} concurrent hand-overs on one dossier");
        var (id, version) = await DossierHeldByTheUnitAsync(http, reception);
        var start = version;
        var statuses = new Dictionary<int, int>();
        var badRounds = new List<string>();
        var wrongType = 0;
        for (var round = 0; round < options.Rounds; round++)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var seen = version;
            var racing = Enumerable.Range(0, options.Concurrency).Select(async _ =>
            {
                await gate.Task;
                using var request = Post($"/api/dossiers/{id}/handovers", unitHead,
                    new { version = seen, step = 1 + (seen % 2), unit = CommandMix.HandlingUnit });
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (Status: (int)response.StatusCode, Body: body);
            }).ToList();
            gate.SetResult();
            var answers = await Task.WhenAll(racing);
            foreach (var group in answers.GroupBy(a => a.Status))
                statuses[group.Key] = statuses.GetValueOrDefault(group.Key) + group.Count();
            wrongType += answers.Count(a => a.Status == 409
                && a.Body.GetProperty("type").GetString()?
                    .EndsWith("/version-conflict", StringComparison.Ordinal) != true);

            var winners = answers.Where(a => a.Status == (int)HttpStatusCode.OK).ToList();
            if (winners.Count != 1 || answers.Count(a => a.Status == 409) != options.Concurrency - 1
                || winners[0].Body.GetProperty("version").GetInt32() != seen + 1)
                badRounds.Add($"round {round + 1}: {string.Join(", ", answers.GroupBy(a => a.Status)
                    .Select(g => $"{g.Count()}×{g.Key}"))}");
            version = winners.Count == 1 ? winners[0].Body.GetProperty("version").GetInt32() : seen;
        }

        using var eventsRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/dossiers/{id}/events");
        eventsRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", inspector);
        using var eventsResponse = await http.SendAsync(eventsRequest);
        var events = (await eventsResponse.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();

        verdict.Check("exactly one winner per version, every other command 409", badRounds.Count == 0,
            badRounds.Count == 0 ? $"{options.Rounds} rounds: {string.Join(", ", statuses.OrderBy(s => s.Key)
                .Select(s => $"{s.Value}×{s.Key}"))}" : string.Join("; ", badRounds.Take(3)));
        verdict.Check("every 409 is a version-conflict problem", wrongType == 0, $"{wrongType} with another type");
        verdict.Check("event count matches the winners", events == start + statuses.GetValueOrDefault(200),
            $"{events} events = {start} before + {statuses.GetValueOrDefault(200)} winners");

        // A losing append has already reserved its sequence number; Marten fills the gap with a placeholder.
        using var verify = Post("/api/ledger/verification", inspector, new { });
        var report = await ReadAsync(http, verify);
        verdict.Check("the hash-chained ledger verifies after the losers' rolled-back appends",
            report.GetProperty("intact").GetBoolean(), report.GetProperty("summary").GetString() ?? "");
        return verdict;
    }

    private static async Task<(Guid Id, int Version)> DossierHeldByTheUnitAsync(HttpClient http, string reception)
    {
        using var submit = Post("/api/dossiers", reception, new
        {
            procedureCode = "G06.TDC.02",
            channel = "Counter",
            applicant = new { kind = "Enterprise", name = "Công ty TNHH Đo lường Hòa Bình" },
            components = new[] { "C01", "C02", "C03", "C04", "C05" },
        });
        var receipt = await ReadAsync(http, submit);
        var id = receipt.GetProperty("id").GetGuid();
        using var receive = Post($"/api/dossiers/{id}/reception", reception, new { version = 1 });
        var received = await ReadAsync(http, receive);
        using var handOver = Post($"/api/dossiers/{id}/handovers", reception,
            new { version = received.GetProperty("version").GetInt32(), step = 1, unit = CommandMix.HandlingUnit });
        return (id, (await ReadAsync(http, handOver)).GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> ReadAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage Post(string path, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
