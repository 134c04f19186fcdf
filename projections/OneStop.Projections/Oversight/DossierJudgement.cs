using System.Runtime.CompilerServices;
using OneStop.Calendar;

namespace OneStop.Projections.Oversight;

/// <summary>
/// How a dossier stands at an instant, in the legal view (the limit restarts after a supplement) and the
/// national scoring view (the clock pauses during supplements; a second request is late). Judged when read,
/// because projections never read the clock; both views use the one rule of <see cref="TimelinessRules"/>.
/// </summary>
public static class DossierJudgement
{
    /// <summary>The legal appointment as it stood at <paramref name="asOf"/>.</summary>
    public static DateTimeOffset? LegalAppointmentAt(this DossierFacts f, DateTimeOffset asOf) =>
        f.Appointments.LastOrDefault(a => a.At <= asOf)?.Appointment;

    /// <summary>The original appointment moved by the working time spent waiting for supplements.</summary>
    public static DateTimeOffset? NationalAppointmentAt(this DossierFacts f, WorkingCalendar calendar,
        DateTimeOffset asOf) =>
        f.OriginalAppointment is { } original
            ? calendar.AddWorkingTime(original, f.PausedWorkingTime(calendar, DateTimeOffset.MinValue, asOf))
            : null;

    /// <summary>Working time within [from, to) spent waiting for a supplement after reception.</summary>
    public static TimeSpan PausedWorkingTime(this DossierFacts f, WorkingCalendar calendar, DateTimeOffset from,
        DateTimeOffset to)
    {
        var paused = TimeSpan.Zero;
        foreach (var s in f.Supplements)
        {
            if (!s.AfterReception)
                continue;
            var start = s.RequestedAt > from ? s.RequestedAt : from;
            var end = s.ProvidedAt is { } provided && provided < to ? provided : to;
            paused += calendar.WorkingTimeBetween(start, end);
        }
        return paused;
    }

    public static bool IsFinishedBy(this DossierFacts f, DateTimeOffset asOf) => f.FinishedAt <= asOf;

    public static bool IsInProgressAt(this DossierFacts f, DateTimeOffset asOf) =>
        f.ReceivedAt <= asOf && !f.IsFinishedBy(asOf);

    public static bool AwaitsSupplementAt(this DossierFacts f, DateTimeOffset asOf) =>
        f.Supplements.Any(s => s.RequestedAt <= asOf && !(s.ProvidedAt <= asOf));

    public static int SupplementRequestsBy(this DossierFacts f, DateTimeOffset asOf) =>
        f.Supplements.Count(s => s.RequestedAt <= asOf);

    /// <summary>
    /// Legal view: finished dossiers against the appointment in force when they finished; in-progress ones
    /// against the current appointment, except that a dossier waiting for the applicant is on track (its
    /// limit restarts in full once the supplement is back). Null when never received or without a limit.
    /// </summary>
    public static Timeliness? LegalTimelinessAt(this DossierFacts f, WorkingCalendar calendar, DateTimeOffset asOf)
    {
        if (f.ReceivedAt is null || f.ReceivedAt > asOf)
            return null;
        if (f.IsFinishedBy(asOf))
        {
            var finishedAt = f.FinishedAt!.Value;
            return f.LegalAppointmentAt(finishedAt) is { } due ? calendar.Judge(due, finishedAt) : null;
        }
        if (f.LegalAppointmentAt(asOf) is not { } appointment)
            return null;
        return f.AwaitsSupplementAt(asOf) ? Timeliness.OnTrack : calendar.JudgeInProgress(appointment, asOf);
    }

    /// <summary>
    /// National scoring view: against the original appointment plus paused working time; a dossier with a
    /// second supplement request counts late (or overdue while in progress). Apologies do not move it.
    /// </summary>
    public static Timeliness? NationalTimelinessAt(this DossierFacts f, WorkingCalendar calendar,
        DateTimeOffset asOf)
    {
        if (f.ReceivedAt is null || f.ReceivedAt > asOf || f.OriginalAppointment is null)
            return null;
        var finished = f.IsFinishedBy(asOf);
        var at = finished ? f.FinishedAt!.Value : asOf;
        if (f.SupplementRequestsBy(at) >= 2)
            return finished ? Timeliness.Late : Timeliness.Overdue;
        var appointment = f.NationalAppointmentAt(calendar, at)!.Value;
        return finished ? calendar.Judge(appointment, at) : calendar.JudgeInProgress(appointment, at);
    }

    /// <summary>
    /// A finished dossier's judgements in both views and its working days, which no later instant changes: worked
    /// out once per facts object and calendar (reports share the loaded facts across requests), again if the
    /// object has since been given another version.
    /// </summary>
    public static FinishedJudgement? Finished(this DossierFacts f, WorkingCalendar calendar)
    {
        if (f.FinishedAt is not { } finishedAt)
            return null;
        if (Remembered.TryGetValue(f, out var known) && known.Calendar == calendar && known.Version == f.Version
            && known.FinishedAt == finishedAt)
            return known;
        var judged = new FinishedJudgement(calendar, f.Version, finishedAt, f.LegalTimelinessAt(calendar, finishedAt),
            f.NationalTimelinessAt(calendar, finishedAt), f.ProcessingWorkingDays(calendar));
        Remembered.AddOrUpdate(f, judged);
        return judged;
    }

    private static readonly ConditionalWeakTable<DossierFacts, FinishedJudgement> Remembered = new();

    /// <summary>Working days from reception to the finishing instant, pauses included.</summary>
    public static double? ProcessingWorkingDays(this DossierFacts f, WorkingCalendar calendar) =>
        f is { ReceivedAt: { } received, FinishedAt: { } finished }
            ? calendar.WorkingTimeBetween(received, finished) / calendar.WorkingDayLength
            : null;
}

/// <summary>How a finished dossier stands for good: see <see cref="DossierJudgement.Finished"/>.</summary>
public sealed record FinishedJudgement(
    WorkingCalendar Calendar,
    int Version,
    DateTimeOffset FinishedAt,
    Timeliness? Legal,
    Timeliness? National,
    double? WorkingDays);
