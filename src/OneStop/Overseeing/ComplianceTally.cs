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

    /// <summary>From counts indexed by <see cref="Timeliness"/>.</summary>
    public static TimelinessCounts Of(int[] counts) =>
        new(counts[(int)Timeliness.Early], counts[(int)Timeliness.OnTime], counts[(int)Timeliness.Late],
            counts[(int)Timeliness.OnTrack], counts[(int)Timeliness.DueSoon], counts[(int)Timeliness.Overdue]);
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

/// <summary>
/// One dossier's part in one period's counts: judged once, then summed into every row it belongs to (its unit,
/// procedure and officer, and the total). A dossier finished in the period counts as finished, one in progress at
/// the period's judging instant as in progress (both, if it finishes after that instant within the period).
/// </summary>
public readonly record struct DossierShare(
    bool Received,
    Timeliness? FinishedLegal,
    Timeliness? FinishedNational,
    double? WorkingDays,
    Timeliness? ProgressLegal,
    Timeliness? ProgressNational,
    long PausedTicks,
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
        string? officer = null) =>
        Sum(period.Name, Shares(dossiers, period, now, calendar), calendar, unit, procedure, officer);

    /// <summary>Each dossier's share of the period, in the order given.</summary>
    public static DossierShare[] Shares(IEnumerable<DossierFacts> dossiers, ReportingPeriod period,
        DateTimeOffset now, WorkingCalendar calendar)
    {
        var asOf = period.AsOf(now);
        var judgesProgress = asOf >= period.Start;
        var pauseEnd = period.End < asOf ? period.End : asOf;
        return [.. dossiers.Select(f => Share(f, period, asOf, judgesProgress, pauseEnd, calendar))];
    }

    private static DossierShare Share(DossierFacts f, ReportingPeriod period, DateTimeOffset asOf,
        bool judgesProgress, DateTimeOffset pauseEnd, WorkingCalendar calendar)
    {
        var finished = period.Contains(f.FinishedAt) ? f.Finished(calendar) : null;
        var inProgress = judgesProgress && f.IsInProgressAt(asOf);
        var supplements = 0;
        foreach (var s in f.Supplements)
            supplements += period.Contains(s.RequestedAt) ? 1 : 0;
        var apologies = 0;
        foreach (var a in f.Apologies)
            apologies += period.Contains(a) ? 1 : 0;
        var lateHandOvers = 0;
        foreach (var h in f.HandOvers)
            lateHandOvers += h.Late && period.Contains(h.At) ? 1 : 0;
        return new DossierShare(
            period.Contains(f.ReceivedAt),
            finished?.Legal,
            finished?.National,
            finished?.WorkingDays,
            inProgress ? f.LegalTimelinessAt(calendar, asOf) : null,
            inProgress ? f.NationalTimelinessAt(calendar, asOf) : null,
            f.Supplements.Count == 0 ? 0 : f.PausedWorkingTime(calendar, period.Start, pauseEnd).Ticks,
            supplements,
            apologies,
            lateHandOvers);
    }

    /// <summary>One row from the shares of the dossiers it covers.</summary>
    public static ComplianceRow Sum(
        string periodName,
        IEnumerable<DossierShare> shares,
        WorkingCalendar calendar,
        string? unit = null,
        string? procedure = null,
        string? officer = null)
    {
        var legal = new int[Enum.GetValues<Timeliness>().Length];
        var national = new int[legal.Length];
        var days = new List<double>();
        int received = 0, supplements = 0, apologies = 0, lateHandOvers = 0;
        long paused = 0;
        foreach (var share in shares)
        {
            received += share.Received ? 1 : 0;
            Add(legal, share.FinishedLegal);
            Add(legal, share.ProgressLegal);
            Add(national, share.FinishedNational);
            Add(national, share.ProgressNational);
            if (share.WorkingDays is { } d)
                days.Add(d);
            paused += share.PausedTicks;
            supplements += share.SupplementRequests;
            apologies += share.Apologies;
            lateHandOvers += share.LateHandOvers;
        }

        days.Sort();
        return new ComplianceRow(
            periodName,
            unit,
            procedure,
            officer,
            received,
            TimelinessCounts.Of(legal),
            TimelinessCounts.Of(national),
            Percentile(days, 0.5),
            Percentile(days, 0.9),
            Math.Round(paused / (double)calendar.WorkingDayLength.Ticks, 2),
            supplements,
            apologies,
            lateHandOvers);
    }

    private static void Add(int[] counts, Timeliness? judged)
    {
        if (judged is { } known)
            counts[(int)known]++;
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
