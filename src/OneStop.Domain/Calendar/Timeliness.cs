namespace OneStop.Calendar;

/// <summary>How a dossier stands against its appointment: finished, or still in progress.</summary>
public enum Timeliness
{
    Early,
    OnTime,
    Late,
    OnTrack,
    DueSoon,
    Overdue,
}

/// <summary>The single timeliness rule every report uses (DESIGN.md, "Time").</summary>
public static class TimelinessRules
{
    /// <summary>
    /// Late after the appointment instant; Early when finished on an earlier local calendar date;
    /// otherwise OnTime, including earlier on the appointment day itself.
    /// </summary>
    public static Timeliness Judge(
        this WorkingCalendar calendar,
        DateTimeOffset appointment,
        DateTimeOffset finishedAt)
    {
        if (finishedAt > appointment)
            return Timeliness.Late;
        return calendar.LocalDate(finishedAt) < calendar.LocalDate(appointment)
            ? Timeliness.Early
            : Timeliness.OnTime;
    }

    /// <summary>
    /// Overdue after the appointment; DueSoon when at most <paramref name="dueSoonWithin"/> of
    /// working time is left (one working day by default); otherwise OnTrack.
    /// </summary>
    public static Timeliness JudgeInProgress(
        this WorkingCalendar calendar,
        DateTimeOffset appointment,
        DateTimeOffset now,
        TimeSpan? dueSoonWithin = null)
    {
        if (now > appointment)
            return Timeliness.Overdue;
        var remaining = calendar.WorkingTimeBetween(now, appointment);
        return remaining <= (dueSoonWithin ?? calendar.WorkingDayLength)
            ? Timeliness.DueSoon
            : Timeliness.OnTrack;
    }
}
