using System.Globalization;
using System.Text;
using CsvHelper;
using OneStop.Dossiers;
using OneStop.Reporting;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

public sealed class when_the_public_reads_the_transparency_report(LedgerApp app) : OversightContext(app)
{
    [Fact]
    public async Task it_needs_no_token_and_counts_each_procedure_and_the_agency()
    {
        await a_received_dossier();
        await Submit(Channel.Online);
        var online = (await Submit(Channel.Online)).GetProperty("id").GetGuid();
        await Ok(online, "reception", new { version = 1 }, Reception);

        var report = await GetJson("/api/reports/transparency?month=2026-03");

        var agency = report.GetProperty("agency");
        agency.GetProperty("received").GetInt32().ShouldBe(2);
        agency.GetProperty("receivedOnline").GetInt32().ShouldBe(1);
        agency.GetProperty("onlineShare").GetDouble().ShouldBe(0.5);
        var procedure = report.GetProperty("procedures")[0];
        procedure.GetProperty("procedure").GetString().ShouldBe(ProcedureCode);
        procedure.GetProperty("procedureName").GetString().ShouldBe(Procedure.NameVi);
    }

    [Fact]
    public async Task a_report_read_again_counts_what_happened_since()
    {
        await a_received_dossier();
        (await GetJson("/api/reports/transparency?month=2026-03")).GetProperty("agency").GetProperty("received")
            .GetInt32().ShouldBe(1);

        await a_received_dossier();
        var again = await GetJson("/api/reports/transparency?month=2026-03");

        again.GetProperty("agency").GetProperty("received").GetInt32().ShouldBe(2,
            "the facts loaded for the first answer are shared only until the facts projection moves");
    }

    [Fact]
    public async Task its_csv_opens_with_vietnamese_intact_and_quoted_fields()
    {
        await a_received_dossier();

        var (bytes, contentType) = await GetCsv("/api/reports/transparency?month=2026-03");

        contentType.ShouldStartWith("text/csv");
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "Excel needs the byte-order mark to read UTF-8");
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8),
            CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<TransparencyRow>().ToList();
        rows.Select(r => r.Procedure).ShouldBe([TransparencyTally.AllProcedures, ProcedureCode]);
        rows[0].ProcedureName.ShouldBe(GetTransparencyReportEndpoint.AgencyName);
        rows[1].ProcedureName.ShouldBe(Procedure.NameVi, "the name holds diacritics, commas and parentheses");
        rows[1].Received.ShouldBe(1);
    }

    [Fact]
    public async Task a_malformed_month_is_refused()
    {
        await GetJson("/api/reports/transparency?month=March", status: 400);
    }
}
