using System.Diagnostics;
using Npgsql;

namespace OneStop.Chaos;

/// <summary>
/// Checks the stand-in portal's side of the run: every dossier's latest national status arrived, and no
/// status change was taken twice, however often the service was killed between its commit and the send.
/// </summary>
public sealed class PortalAudit(ChaosLedger ledger, Verdict verdict)
{
    public async Task LatestStatusesDeliveredAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        Dictionary<string, int> ledgerStatuses;
        List<string> behind;
        do
        {
            ledgerStatuses = await LedgerStatusesAsync();
            var portal = ledger.Portal.Deliveries.GroupBy(d => d.DossierCode)
                .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!.StatusCode);
            behind = [.. ledgerStatuses.Where(s => portal.GetValueOrDefault(s.Key) != s.Value).Select(s => s.Key)];
            if (behind.Count == 0)
                break;
            await Task.Delay(500);
        }
        while (clock.Elapsed < limit);

        verdict.Check("the portal holds every dossier's latest national status", behind.Count == 0,
            behind.Count == 0
                ? $"{ledgerStatuses.Count} dossiers in step after {clock.Elapsed.TotalSeconds:F1} s"
                : $"{behind.Count} of {ledgerStatuses.Count} behind after {clock.Elapsed.TotalSeconds:F1} s, " +
                  $"first {behind[0]}");
        var attempts = ledger.Portal.Attempts;
        var keys = ledger.Portal.Deliveries.Select(d => d.Key).ToList();
        verdict.Check("each status change taken once by the portal", keys.Count == keys.Distinct().Count(),
            $"{keys.Count} changes taken; {attempts.Count(a => a.Duplicate)} repeated deliveries recognised " +
            $"of {attempts.Count} attempts");
    }

    private async Task<Dictionary<string, int>> LedgerStatusesAsync()
    {
        await using var connection = new NpgsqlConnection(ledger.DriverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select data->>'code', (data->>'nationalStatusCode')::int from onestop.mt_doc_dossierview", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new Dictionary<string, int>();
        while (await reader.ReadAsync())
            statuses[reader.GetString(0)] = reader.GetInt32(1);
        return statuses;
    }
}
