using Marten;
using Microsoft.AspNetCore.Mvc;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Overseeing;
using OneStop.Projections.Oversight;

namespace OneStop.Pages;

/// <summary>
/// The supervisor's dashboard: the same per-dossier facts and the same tally as <c>GET /api/compliance</c>,
/// grouped by unit, procedure and month for charts. Both on-time views come from that one tally.
/// </summary>
public sealed class DashboardModel(
    FactsCache cache,
    TimeProvider clock,
    WorkingCalendar calendar,
    ProcedureCatalogue catalogue,
    Wording w) : PeoplePage
{
    public const int ChartedProcedures = 10;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public ComplianceRow? Total { get; private set; }
    public IReadOnlyList<BarChart> Charts { get; private set; } = [];
    public IReadOnlyList<ComplianceRow> Slowest { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => Attempt(async () =>
    {
        Access.Demand(HttpContext, Access.Compliance);
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        To ??= today;
        From ??= new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var period = ReportingPeriod.Days(calendar, From.Value, To.Value);
        var facts = await cache.InAsync(period, HttpContext.RequestAborted);
        var months = period.Months(calendar).ToList();

        Total = ComplianceTally.Count(facts, period, now, calendar);
        var byUnit = facts.GroupBy(f => f.HandlingUnit).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var byProcedure = facts.GroupBy(f => f.ProcedureCode)
            .Select(g => (Group: g, Row: ComplianceTally.Count(g, period, now, calendar, procedure: g.Key)))
            .ToList();
        var busiest = byProcedure.OrderByDescending(p => p.Row.Received).ThenBy(p => p.Group.Key)
            .Take(ChartedProcedures).Select(p => p.Group).ToList();
        Slowest = [.. byProcedure.Select(p => p.Row).Where(r => r.MedianWorkingDays is not null)
            .OrderByDescending(r => r.MedianWorkingDays).ThenByDescending(r => r.P90WorkingDays).Take(10)];

        Charts =
        [
            OnTime("unit-legal", w["Theo đơn vị — luật định", "By unit — legal time limit"],
                byUnit, months, now, legal: true),
            OnTime("unit-national", w["Theo đơn vị — chấm điểm quốc gia", "By unit — national scoring"],
                byUnit, months, now, legal: false),
            OnTime("procedure-legal", w["Theo thủ tục — luật định", "By procedure — legal time limit"],
                busiest, months, now, legal: true),
            OnTime("procedure-national",
                w["Theo thủ tục — chấm điểm quốc gia", "By procedure — national scoring"],
                busiest, months, now, legal: false),
        ];
        return Page();
    });

    public string NameOf(string? code) => code is not null && catalogue.Find(code) is { } procedure
        ? w[procedure.NameVi, procedure.NameEn]
        : code ?? "";

    private BarChart OnTime(string id, string title, IReadOnlyList<IGrouping<string, DossierFacts>> groups,
        IReadOnlyList<ReportingPeriod> months, DateTimeOffset now, bool legal) =>
        new(id, title, [.. groups.Select(g => g.Key)],
            [.. months.Select(month => new BarSeries(month.Name, [.. groups.Select(g =>
            {
                var row = ComplianceTally.Count(g, month, now, calendar);
                return (legal ? row.Legal : row.National).OnTimeRate;
            })]))],
            1, w.Percent);
}
