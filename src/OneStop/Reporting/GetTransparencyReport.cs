using OneStop.Calendar;
using OneStop.Exporting;
using OneStop.Overseeing;
using Wolverine.Http;

namespace OneStop.Reporting;

/// <summary>The public monthly report: the whole agency, then each procedure with dossiers in the month.</summary>
public sealed record TransparencyReport(
    string Month,
    DateTimeOffset AsOf,
    TransparencyRow Agency,
    IReadOnlyList<TransparencyRow> Procedures);

public static class GetTransparencyReportEndpoint
{
    public const string AgencyName = "Toàn cơ quan (all procedures)";

    /// <summary>Public: no token, and only counts per procedure, so no personal data can leave.</summary>
    [WolverineGet("/api/reports/transparency")]
    public static async Task<IResult> Get(
        FactsCache facts,
        HttpContext http,
        TimeProvider clock,
        WorkingCalendar calendar,
        string? month)
    {
        var now = clock.GetUtcNow();
        var period = string.IsNullOrWhiteSpace(month)
            ? ReportingPeriod.Month(calendar, FirstOfMonth(calendar.LocalDate(now)))
            : ReportingPeriod.ParseMonth(calendar, month.Trim());

        var report = Build(await facts.InAsync(period, http.RequestAborted), period, now,
            calendar);

        return CsvExport.IsWanted(http)
            ? CsvExport.File([report.Agency, .. report.Procedures], $"transparency-{period.Name}.csv")
            : Results.Ok(report);
    }

    public static TransparencyReport Build(IEnumerable<Projections.Oversight.DossierFacts> dossiers,
        ReportingPeriod period, DateTimeOffset now, WorkingCalendar calendar)
    {
        var list = dossiers.ToList();
        var procedures = list
            .GroupBy(f => f.ProcedureCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => TransparencyTally.Count(g, period, now, calendar, g.Key, g.First().ProcedureName))
            .Where(row => row is not { Received: 0, ResultsReturned: 0, Judged: 0, Withdrawn: 0, Refused: 0 })
            .ToList();
        var agency = TransparencyTally.Count(list, period, now, calendar, TransparencyTally.AllProcedures,
            AgencyName);
        return new TransparencyReport(period.Name, period.AsOf(now), agency, procedures);
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
