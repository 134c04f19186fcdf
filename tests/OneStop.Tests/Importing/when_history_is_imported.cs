using Marten;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Catalogue;
using OneStop.Importing;
using OneStop.Projections.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Importing;

public sealed class when_history_is_imported(LedgerApp app) : LedgerContext(app)
{
    private static string Line(string code, string procedure, string extra) =>
        $"{{\"code\":\"{code}\",\"procedureCode\":\"{procedure}\",\"channel\":\"counter\"," +
        "\"applicant\":{\"kind\":\"citizen\",\"name\":\"Lê Thị Lịch Sử\"}," +
        $"\"submittedAt\":\"2026-03-02T08:00:00+07:00\"{extra}}}";

    private const string Received = ",\"receivedAt\":\"2026-03-02T08:10:00+07:00\"," +
        "\"appointment\":\"2026-03-11T08:10:00+07:00\"";

    [Fact]
    public async Task valid_history_becomes_hashed_events_and_bad_lines_are_reported()
    {
        var lines = string.Join('\n',
            Line("000.00.00.G06-260302-0042", ProcedureCode, Received +
                ",\"handedOverAt\":\"2026-03-02T09:00:00+07:00\",\"outcome\":\"approved\"," +
                "\"decidedAt\":\"2026-03-05T10:00:00+07:00\",\"returnedAt\":\"2026-03-06T10:00:00+07:00\"," +
                "\"returnMethod\":\"counter\""),
            Line("000.00.00.G06-260302-0007", ProcedureCode, Received +
                ",\"withdrawnAt\":\"2026-03-03T10:00:00+07:00\""),
            Line("000.00.00.G06-260302-0008", ProcedureCode, ",\"receivedAt\":\"2026-03-01T08:00:00+07:00\""),
            Line("000.00.00.G06-260302-0009", "NO.SUCH", ""),
            "not json at all");
        var import = new HistoryImport(Store, Host.Services.GetRequiredService<ProcedureCatalogue>(), batchSize: 2);

        var summary = await import.RunAsync(new StringReader(lines), new Progress<int>(), CancellationToken.None);

        summary.Dossiers.ShouldBe(2);
        summary.Rejected.Count.ShouldBe(3);
        summary.Rejected[0].ShouldStartWith("line 3: the instants are out of order");
        await using var session = Store.QuerySession();
        var views = (await session.Query<DossierView>().ToListAsync()).OrderBy(v => v.Code).ToList();
        views.Select(v => v.Status.ToString()).ShouldBe(["Withdrawn", "ResultReturned"]);
        views[1].FinishedTimeliness.ShouldBe(OneStop.Calendar.Timeliness.Early);
        var unhashed = await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from onestop.mt_events e where not exists " +
            "(select 1 from onestop.onestop_event_hashes h where h.seq_id = e.seq_id)", CancellationToken.None);
        unhashed.Single().ShouldBe(0, "imported events are hashed by the same trigger as any other");
    }

    [Fact]
    public async Task new_dossiers_continue_after_the_highest_imported_code_of_the_day()
    {
        var import = new HistoryImport(Store, Host.Services.GetRequiredService<ProcedureCatalogue>());
        await import.RunAsync(new StringReader(Line("000.00.00.G06-260302-0042", ProcedureCode, "")),
            new Progress<int>(), CancellationToken.None);

        var receipt = await Submit(Dossiers.Channel.Kiosk);

        receipt.GetProperty("code").GetString().ShouldBe("000.00.00.G06-260302-0043");
    }
}
