using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OneStop.Chaos;

/// <summary>
/// Many submissions at once through the balancer, so every node assigns codes at the same moments. Each goes
/// into the driver's log like any other command, so the ledger audit accounts for its events too.
/// </summary>
public sealed class CodeRace(Uri balancer, ChaosLedger ledger, CommandLog log)
{
    public async Task GapFreeCodesAsync(int count, Verdict verdict)
    {
        using var http = new HttpClient { BaseAddress = balancer, Timeout = TimeSpan.FromSeconds(60) };
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(32);
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                return await SubmitAsync(http);
            }
            finally
            {
                gate.Release();
            }
        }));
        var rate = count / clock.Elapsed.TotalSeconds;
        var numbers = answers.Select(c => c is not null && c.Length > 4 && int.TryParse(c[^4..], out var n) ? n : -1)
            .Order().ToList();
        var days = answers.Where(c => c is not null && c.Length > 12).Select(c => c![..^5]).Distinct().Count();
        var gapFree = days == 1 && numbers.SequenceEqual(Enumerable.Range(1, count));
        var failed = answers.Count(a => a is null);
        verdict.Check($"{count} concurrent submissions through the balancer got codes 0001..{count:D4}", gapFree,
            $"{numbers.Distinct().Count()} distinct, {failed} failed; {rate:F0} submissions/s across the nodes");
    }

    /// <summary>The dossier code, or null when the submission was not acknowledged.</summary>
    private async Task<string?> SubmitAsync(HttpClient http)
    {
        var correlation = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers")
        {
            Content = JsonContent.Create(new
            {
                procedureCode = "G06.TDC.02",
                channel = "Counter",
                applicant = new { kind = "Enterprise", name = "Công ty Cổ phần Chứng nhận Sao Mai" },
                components = new[] { "C01", "C02", "C03", "C04", "C05" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ledger.Reception);
        request.Headers.Add("X-Correlation-ID", correlation.ToString());
        try
        {
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var outcome = status is >= 400 and < 500 ? Outcome.Refused : Outcome.InFlight;
                log.Add(new(correlation, "dossier_submitted", null, 0, outcome, status, null, DateTimeOffset.UtcNow));
                return null;
            }

            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            log.Add(new(correlation, "dossier_submitted", receipt.GetProperty("id").GetGuid(), 0,
                Outcome.Acknowledged, status, receipt.GetProperty("version").GetInt32(), DateTimeOffset.UtcNow));
            return receipt.GetProperty("code").GetString();
        }
        catch (Exception e) when (Transport.Lost(e))
        {
            log.Add(new(correlation, "dossier_submitted", null, 0, Outcome.InFlight, 0, null, DateTimeOffset.UtcNow));
            return null;
        }
    }
}
