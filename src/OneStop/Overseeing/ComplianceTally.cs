using Marten;
using OneStop.Calendar;
using OneStop.Projections.Oversight;

namespace OneStop.Overseeing;

/// <summary>How many dossiers were or are early, on time and late, in one view.</summary>
public sealed record TimelinessCounts(
    int FinishedEarly,
    int FinishedOnTime,
    int FinishedLate,
    int OnTrack,
    int DueSoon,
    int Overdue)
{
    /// <summary>Finished on time (or early) or still within the limit, over all judged (facts.md).</summary>
    public double? OnTimeRate => Judged == 0
        ? null
        : Math.Round((double)(FinishedEarly + FinishedOnTime + OnTrack + DueSoon) / Judged, 4);

    public int Judged => FinishedEarly + FinishedOnTime + FinishedLate + OnTrack + DueSoon + Overdue;

    public static TimelinessCounts Of(IEnumerable<Timeliness?> judged)
    {
        var counts = judged.OfType<Timeliness>().GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        int N(Timeliness t) => counts.GetValueOrDefault(t);
        return new(N(Timeliness.Early), N(Timeliness.OnTime), N(Timeliness.Late), N(Timeliness.OnTrack),
            N(Timeliness.DueSoon), N(Timeliness.Overdue));
    }
}

/// <summary>Deadline compliance of the dossiers of one unit, procedure and officer (or all) in one period.</summary>
public sealed record ComplianceRow(
    string Period,
    string? Unit,
    string? Procedure,
    string? Officer,
    int Received,
    TimelinessCounts Legal,
    TimelinessCounts National,
    double? MedianWorkingDays,
    double? P90WorkingDays,
    double PausedWorkingDays,
    int SupplementRequests,
    int Apologies,
    int LateHandOvers);

/// <summary>Counts one period's compliance from per-dossier facts, judged at the end of the period.</summary>
public static class ComplianceTally
{
    public static ComplianceRow Count(
        IEnumerable<DossierFacts> dossiers,
        ReportingPeriod period,
        DateTimeOffset now,
        WorkingCalendar calendar,
        string? unit = null,
        string? procedure = null,
        string? officer = null)
    {
        var asOf = period.AsOf(now);
        var list = dossiers.ToList();
        var finished = list.Where(f => period.Contains(f.FinishedAt)).ToList();
        var inProgress = asOf >= period.Start ? list.Where(f => f.IsInProgressAt(asOf)).ToList() : [];
        var days = finished.Select(f => f.ProcessingWorkingDays(calendar)).OfType<double>().Order().ToList();
        var pauseEnd = period.End < asOf ? period.End : asOf;

        return new ComplianceRow(
            period.Name,
            unit,
            procedure,
            officer,
            list.Count(f => period.Contains(f.ReceivedAt)),
            TimelinessCounts.Of([
                .. finished.Select(f => f.LegalTimelinessAt(calendar, f.FinishedAt!.Value)),
                .. inProgress.Select(f => f.LegalTimelinessAt(calendar, asOf))]),
            TimelinessCounts.Of([
                .. finished.Select(f => f.NationalTimelinessAt(calendar, f.FinishedAt!.Value)),
                .. inProgress.Select(f => f.NationalTimelinessAt(calendar, asOf))]),
            Percentile(days, 0.5),
            Percentile(days, 0.9),
            Math.Round(list.Sum(f => f.PausedWorkingTime(calendar, period.Start, pauseEnd).Ticks)
                / (double)calendar.WorkingDayLength.Ticks, 2),
            list.Sum(f => f.Supplements.Count(s => period.Contains(s.RequestedAt))),
            list.Sum(f => f.Apologies.Count(a => period.Contains(a))),
            list.Sum(f => f.HandOvers.Count(h => h.Late && period.Contains(h.At))));
    }

    /// <summary>Nearest-rank percentile: a value some dossier actually took, never an interpolation.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[(int)Math.Ceiling(p * sorted.Count) - 1], 2);

    /// <summary>Every dossier with something in the period: not submitted after it, not finished before it.</summary>
    public static async Task<IReadOnlyList<DossierFacts>> FactsInAsync(IQuerySession session, ReportingPeriod period,
        CancellationToken ct) =>
        await FactsBetween(session, period.Start.ToUniversalTime(), period.End.ToUniversalTime()).ToListAsync(ct);

    // PostgreSQL's timestamptz parameters must be given in UTC.
    private static IQueryable<DossierFacts> FactsBetween(IQuerySession session, DateTimeOffset start,
        DateTimeOffset end) =>
        session.Query<DossierFacts>()
            .Where(f => f.SubmittedAt < end && (f.FinishedAt == null || f.LastEventAt >= start));

    public static bool IsEmpty(ComplianceRow row) =>
        row is { Received: 0, SupplementRequests: 0, Apologies: 0, LateHandOvers: 0, PausedWorkingDays: 0 }
        && row.Legal.Judged == 0 && row.National.Judged == 0;
}
