using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

/// <summary>
/// The procedure allows 7 working days: received Monday 2 March 09:00, a dossier is due Wednesday
/// 11 March 09:00.
/// </summary>
public sealed class when_deadline_compliance_is_judged(LedgerApp app) : OversightContext(app)
{
    private const string March = "/api/compliance?from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task a_dossier_decided_one_minute_after_its_appointment_is_late()
    {
        await a_dossier_decided_at(Hanoi(2026, 3, 11, 9, 1));

        var total = await Total();

        Counts(total, "legal").ShouldBe((0, 0, 1));
        Counts(total, "national").ShouldBe((0, 0, 1));
    }

    [Fact]
    public async Task a_dossier_decided_earlier_on_its_appointment_day_is_on_time_and_the_day_before_early()
    {
        await a_dossier_decided_at(Hanoi(2026, 3, 11, 8, 59));
        await a_dossier_decided_at(Hanoi(2026, 3, 10, 16));

        var total = await Total();

        Counts(total, "legal").ShouldBe((1, 1, 0));
        total.GetProperty("legal").GetProperty("onTimeRate").GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task two_supplement_requests_are_late_nationally_and_judged_by_the_restarted_limit_legally()
    {
        var (id, version) = await a_dossier_in_processing();
        At(Hanoi(2026, 3, 3, 9));
        version = await Ok(id, "supplement-requests", Request(version), Handler);
        At(Hanoi(2026, 3, 3, 14));
        version = await Ok(id, "supplements", new { version, components = new[] { "C01" } }, Reception);
        At(Hanoi(2026, 3, 4, 9));
        version = await Ok(id, "supplement-requests", Request(version), Handler);
        At(Hanoi(2026, 3, 4, 10));
        version = await Ok(id, "supplements", new { version, components = new[] { "C01" } }, Reception);
        (await View(id)).GetProperty("appointment").GetDateTimeOffset()
            .ShouldBe(Hanoi(2026, 3, 13, 10), "precondition: the second supplement restarted the 7 working days");
        At(Hanoi(2026, 3, 13, 9));
        await Ok(id, "decision", new { version, outcome = "approved", reason = "Complete" }, UnitHead);

        var total = await Total();

        Counts(total, "legal").ShouldBe((0, 1, 0));
        Counts(total, "national").ShouldBe((0, 0, 1));
        total.GetProperty("supplementRequests").GetInt32().ShouldBe(2);
        total.GetProperty("pausedWorkingDays").GetDouble().ShouldBe(0.56, "3.5 h on 3 March and 1 h on 4 March");
    }

    [Fact]
    public async Task unfinished_dossiers_are_judged_at_the_end_of_the_period()
    {
        await a_dossier_in_processing();
        At(Hanoi(2026, 4, 20, 9));

        var march = await Total(March);
        var early = await GetJson("/api/compliance?from=2026-03-01&to=2026-03-09", Supervisor);

        march.GetProperty("legal").GetProperty("overdue").GetInt32().ShouldBe(1);
        early.GetProperty("total").GetProperty("legal").GetProperty("onTrack").GetInt32().ShouldBe(1);
        early.GetProperty("asOf").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 10, 0));
    }

    [Fact]
    public async Task rows_split_by_month_unit_procedure_and_officer()
    {
        var (id, version) = await a_received_dossier();
        await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit, officer = "hd-07" }, Reception);
        At(Hanoi(2026, 4, 1, 9));
        await a_received_dossier();
        At(Hanoi(2026, 4, 2, 9));

        var report = await GetJson("/api/compliance?from=2026-03-01&to=2026-04-30&officer=hd-07", Supervisor);

        var row = report.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("period").GetString() == "2026-03");
        row.GetProperty("officer").GetString().ShouldBe("hd-07");
        row.GetProperty("unit").GetString().ShouldBe(HandlingUnit);
        row.GetProperty("procedure").GetString().ShouldBe(ProcedureCode);
        row.GetProperty("received").GetInt32().ShouldBe(1);
        report.GetProperty("total").GetProperty("received").GetInt32().ShouldBe(1);
    }

    private async Task a_dossier_decided_at(DateTimeOffset instant)
    {
        At(LedgerApp.Start);
        var (id, version) = await a_dossier_in_processing();
        At(instant);
        await Ok(id, "decision", new { version, outcome = "approved", reason = "Complete" }, UnitHead);
    }

    private static object Request(int version) =>
        new { version, missing = new[] { "C01" }, reason = "Unsigned application" };

    private async Task<JsonElement> Total(string url = March)
    {
        if (App.Clock.GetUtcNow() < Hanoi(2026, 3, 20, 9))
            At(Hanoi(2026, 3, 20, 9));
        return (await GetJson(url, Supervisor)).GetProperty("total");
    }

    private static (int Early, int OnTime, int Late) Counts(JsonElement total, string view)
    {
        var counts = total.GetProperty(view);
        return (counts.GetProperty("finishedEarly").GetInt32(), counts.GetProperty("finishedOnTime").GetInt32(),
            counts.GetProperty("finishedLate").GetInt32());
    }
}
