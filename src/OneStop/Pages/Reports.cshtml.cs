using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Overseeing;
using OneStop.Reporting;

namespace OneStop.Pages;

/// <summary>The public transparency report, built by the same code as <c>GET /api/reports/transparency</c>.</summary>
public sealed class ReportsModel(
    FactsCache cache,
    TimeProvider clock,
    WorkingCalendar calendar,
    ProcedureCatalogue catalogue,
    Wording w) : PeoplePage
{
    public const int TrendMonths = 6;

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public TransparencyReport? Report { get; private set; }
    public IReadOnlyList<BarChart> Charts { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => Attempt(async () =>
    {
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var chosen = string.IsNullOrWhiteSpace(Month)
            ? ReportingPeriod.Month(calendar, new DateOnly(today.Year, today.Month, 1))
            : ReportingPeriod.ParseMonth(calendar, Month.Trim());
        Month = chosen.Name;
        var first = DateOnly.ParseExact(chosen.Name + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var trend = new List<TransparencyReport>();
        for (var back = TrendMonths - 1; back >= 0; back--)
        {
            var month = ReportingPeriod.Month(calendar, first.AddMonths(-back));
            var facts = await cache.InAsync(month, HttpContext.RequestAborted);
            trend.Add(GetTransparencyReportEndpoint.Build(facts, month, now, calendar));
        }

        Report = trend[^1];
        var procedures = Report.Procedures.OrderByDescending(p => p.Received).Take(12).ToList();
        Charts =
        [
            new("trend-on-time", w["Tỷ lệ đúng hạn toàn cơ quan, 6 tháng", "Agency on-time share, 6 months"],
                [.. trend.Select(r => r.Month)],
                [new(w["Đúng hạn", "On time"], [.. trend.Select(r => r.Agency.OnTimeShare)])],
                1, w.Percent),
            new("trend-received", w["Tiếp nhận theo kênh, 6 tháng", "Received by channel, 6 months"],
                [.. trend.Select(r => r.Month)],
                [
                    new(w["Quầy", "Counter"], [.. trend.Select(r => (double?)r.Agency.ReceivedAtCounter)]),
                    new(w["Trực tuyến", "Online"], [.. trend.Select(r => (double?)r.Agency.ReceivedOnline)]),
                    new(w["Bưu chính", "Post"], [.. trend.Select(r => (double?)r.Agency.ReceivedByPost)]),
                    new(w["Ki-ốt", "Kiosk"], [.. trend.Select(r => (double?)r.Agency.ReceivedAtKiosk)]),
                ],
                BarChart.NiceMax(trend.Max(r => Math.Max(Math.Max(r.Agency.ReceivedAtCounter, r.Agency.ReceivedOnline),
                    Math.Max(r.Agency.ReceivedByPost, r.Agency.ReceivedAtKiosk)))),
                v => w.Number(v, 0)),
            new("procedure-on-time", w["Tỷ lệ đúng hạn theo thủ tục", "On-time share by procedure"],
                [.. procedures.Select(p => p.Procedure)],
                [new(Report.Month, [.. procedures.Select(p => p.OnTimeShare)])], 1, w.Percent),
        ];
        return Page();
    });

    /// <summary>The procedure's name in the page's language; the report itself carries the official one.</summary>
    public string NameOf(TransparencyRow row) => catalogue.Find(row.Procedure) is { } procedure
        ? w[procedure.NameVi, procedure.NameEn]
        : row.ProcedureName;

    public string CsvAddress => $"/api/reports/transparency?month={Month}&format=csv";
}
