using System.Globalization;
using System.Text;
using CsvHelper;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

/// <summary>
/// Two faults of the audit log. Commands racing on one version made Marten write tombstones (fillers for the
/// sequence numbers the losing appends had reserved), and the log listed each as an action by nobody dated
/// 0001-01-01. And a caller's text (here the correlation id) reached the CSV unchanged, so a cell beginning
/// with '=' ran as a formula in a spreadsheet; the header also named the sequence column twice.
/// </summary>
public sealed class Regression_audit_log_listed_tombstones_and_exported_formulas(LedgerApp app)
    : OversightContext(app)
{
    [Fact]
    public async Task racing_commands_leave_no_row_by_nobody()
    {
        var (id, version) = await a_received_dossier();
        for (var round = 0; round < 5 && await TombstoneCount() == 0; round++)
        {
            var racing = Enumerable.Range(0, 8).Select(_ =>
                Command(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception));
            var answers = await Task.WhenAll(racing);
            version += answers.Count(a => a.Status == 200);
        }
        (await TombstoneCount()).ShouldBeGreaterThan(0, "precondition: the race left Marten tombstones");

        var tombstones = (await GetJson("/api/audit?type=tombstone", Inspector)).GetProperty("rows");
        var dossierRows = (await GetJson($"/api/audit?dossier={id}", Inspector)).GetProperty("rows");

        tombstones.GetArrayLength().ShouldBe(0);
        dossierRows.GetArrayLength().ShouldBe(await EventCount(id));
    }

    [Fact]
    public async Task a_formula_from_a_caller_is_exported_as_text()
    {
        var id = await a_submitted_dossier();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { version = 1 }).ToUrl($"/api/dossiers/{id}/reception");
            s.WithBearerToken(Reception);
            s.WithRequestHeader("X-Correlation-ID", "=HYPERLINK(\"http://evil.invalid\",\"a,b\")");
        });

        var (bytes, _) = await GetCsv($"/api/audit?dossier={id}", Inspector);

        using var text = new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        using var reader = new CsvReader(text, CultureInfo.InvariantCulture);
        await reader.ReadAsync();
        reader.ReadHeader();
        reader.HeaderRecord!.Count(h => h == "Sequence").ShouldBe(1);
        var correlations = new List<string>();
        while (await reader.ReadAsync())
            correlations.Add(reader.GetField("CorrelationId")!);
        correlations.ShouldContain("'=HYPERLINK(\"http://evil.invalid\",\"a,b\")");
        correlations.ShouldNotContain(c => c.StartsWith('='));
    }

    private async Task<long> TombstoneCount()
    {
        await using var session = Store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from onestop.mt_events where type = 'tombstone'", CancellationToken.None)).Single();
    }
}
