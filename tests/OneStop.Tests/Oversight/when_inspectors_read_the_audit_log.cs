using System.Globalization;
using System.Text;
using CsvHelper;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

public sealed class when_inspectors_read_the_audit_log(LedgerApp app) : OversightContext(app)
{
    [Fact]
    public async Task each_event_is_one_row_with_who_acted_where_and_when_in_business_time()
    {
        var (id, version) = await a_received_dossier();
        var code = (await View(id)).GetProperty("code").GetString();
        At(Hanoi(2026, 3, 3, 10));
        await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit, officer = "hd-01" }, Reception);

        var rows = (await GetJson($"/api/audit?dossier={code}", Inspector)).GetProperty("rows");

        rows.GetArrayLength().ShouldBe(await EventCount(id));
        var handover = rows[2];
        handover.GetProperty("eventType").GetString().ShouldBe("dossier_handed_over");
        handover.GetProperty("dossierCode").GetString().ShouldBe(code);
        handover.GetProperty("officer").GetString().ShouldBe("rc-01");
        handover.GetProperty("role").GetString().ShouldBe("reception");
        handover.GetProperty("unit").GetString().ShouldBe(ReceptionUnit);
        handover.GetProperty("channel").GetString().ShouldBe("officer-desk");
        handover.GetProperty("at").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 3, 10));
        handover.GetProperty("correlationId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task it_holds_no_personal_data()
    {
        await a_received_dossier();

        var (bytes, _) = await GetCsv("/api/audit", Inspector);

        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldNotContain("Nguyễn Văn Test");
        text.ShouldNotContain("001099012345");
    }

    [Fact]
    public async Task it_filters_by_dossier_actor_unit_type_and_period()
    {
        var (first, version) = await a_received_dossier();
        At(Hanoi(2026, 3, 4, 9));
        var (second, _) = await a_received_dossier();
        At(Hanoi(2026, 3, 4, 10));
        await Ok(first, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);

        (await Rows($"/api/audit?dossier={second}")).ShouldBe(2);
        (await Rows("/api/audit?type=DossierReceived")).ShouldBe(2);
        (await Rows("/api/audit?type=dossier_handed_over&actor=rc-01")).ShouldBe(1);
        (await Rows($"/api/audit?unit={ReceptionUnit}")).ShouldBe(5);
        (await Rows("/api/audit?unit=NOBODY")).ShouldBe(0);
        (await Rows("/api/audit?from=2026-03-04T02:00:00Z&to=2026-03-04T02:30:00Z")).ShouldBe(2);
    }

    [Fact]
    public async Task pages_follow_the_sequence_and_the_cursor_survives_new_events()
    {
        for (var i = 0; i < 3; i++)
            await a_received_dossier();
        var all = await GetJson("/api/audit?limit=1000", Inspector);

        var page = await GetJson("/api/audit?limit=4", Inspector);
        var after = page.GetProperty("nextAfter").GetInt64();
        await a_received_dossier();
        var rest = await GetJson($"/api/audit?after={after}&limit=2", Inspector);

        var sequences = all.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        sequences.ShouldBe(sequences.Order().ToList());
        page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())
            .ShouldBe(sequences.Take(4));
        rest.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())
            .ShouldBe(sequences.Skip(4).Take(2));
    }

    [Fact]
    public async Task the_csv_export_keeps_vietnamese_and_quotes_fields_as_rfc_4180_says()
    {
        var officer = "Trần Thị \"Bình\", tổ 1";
        var token = App.Token(officer, "reception", ReceptionUnit);
        await Submit(token: token);

        var (bytes, contentType) = await GetCsv("/api/audit", Inspector);

        contentType.ShouldStartWith("text/csv");
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(bytes).ShouldContain("\"Trần Thị \"\"Bình\"\", tổ 1\"");
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8),
            CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0]["Officer"].ShouldBe(officer);
        rows[0]["EventType"].ShouldBe("dossier_submitted");
    }

    [Fact]
    public async Task handlers_may_not_read_it()
    {
        await GetJson("/api/audit", Handler, status: 403);
        await GetJson("/api/audit", status: 401);
    }

    private async Task<int> Rows(string url) =>
        (await GetJson(url, Inspector)).GetProperty("rows").GetArrayLength();
}
