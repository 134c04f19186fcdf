namespace OneStop.Calendar;

/// <summary>An appointment, whether it relied on a provisional year, and the calendar version.</summary>
public sealed record AppointmentResult(
    DateTimeOffset Appointment,
    bool Provisional,
    string CalendarVersion);

public sealed partial class WorkingCalendar
{
    // Ten years of days: any limit needing more is a data error, not a loop to run forever.
    const int MaxDaysScanned = 3660;

    /// <summary>When a time limit counted from a start instant runs out (DESIGN.md, "Time").</summary>
    public DateTimeOffset Appointment(DateTimeOffset start, TimeLimit limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit.Value);
        return limit.Unit switch
        {
            TimeUnit.WorkingDays => AddWorkingTime(start, WorkingDayLength * limit.Value),
            TimeUnit.WorkingHours => AddWorkingTime(start, TimeSpan.FromHours(limit.Value)),
            TimeUnit.CalendarDays => CloseOfOfficeOnOrAfter(LocalDate(start).AddDays(limit.Value)),
            TimeUnit.CalendarMonths => CloseOfOfficeOnOrAfter(LocalDate(start).AddMonths(limit.Value)),
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, "Unknown time unit."),
        };
    }

    /// <summary>The appointment, provisional when any day counted is in an unannounced year.</summary>
    public AppointmentResult Schedule(DateTimeOffset start, TimeLimit limit)
    {
        var appointment = Appointment(start, limit);
        var provisional = Enumerable
            .Range(LocalDate(start).Year, LocalDate(appointment).Year - LocalDate(start).Year + 1)
            .Any(year => !IsAnnounced(year));
        return new(appointment, provisional, Version);
    }

    /// <summary>
    /// The instant after a given amount of working time from start. Working time that runs out
    /// exactly at a closing time ends there (11:30, 17:00), not at the next opening.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero)
            return SubtractWorkingTime(start, workingTime.Negate());
        if (workingTime == TimeSpan.Zero)
            return start;

        var remaining = workingTime;
        foreach (var (open, close) in PeriodsFrom(start))
        {
            if (remaining <= close - open)
                return open + remaining;
            remaining -= close - open;
        }
        throw TooFar(start);
    }

    /// <summary>
    /// The latest instant that leaves the given working time before end. When that falls exactly at
    /// an opening time, it is the previous closing time, so a deadline one working day before a
    /// 17:00 appointment reads as 17:00 the working day before, not 07:30 of the same day.
    /// </summary>
    public DateTimeOffset SubtractWorkingTime(DateTimeOffset end, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero)
            return AddWorkingTime(end, workingTime.Negate());
        if (workingTime == TimeSpan.Zero)
            return end;

        var remaining = workingTime;
        foreach (var (open, close) in PeriodsBefore(end))
        {
            if (remaining == TimeSpan.Zero)
                return close;
            if (remaining < close - open)
                return close - remaining;
            remaining -= close - open;
        }
        throw TooFar(end);
    }

    /// <summary>
    /// The working time between two instants, counted period by period: the definition the faster
    /// <see cref="WorkingTimeBetween"/> must always agree with, and what it uses beyond ten years.
    /// </summary>
    public TimeSpan WorkingTimeCountedPeriodByPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
            return total;
        foreach (var (open, close) in PeriodsFrom(from))
        {
            if (open >= to)
                break;
            total += (close < to ? close : to) - open;
        }
        return total;
    }

    /// <summary>The instant itself when the office is open then, otherwise the next opening.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        foreach (var (open, _) in PeriodsFrom(instant))
            return open;
        throw TooFar(instant);
    }

    /// <summary>Close of office on a date, or on the next working day when it is a day off.</summary>
    public DateTimeOffset CloseOfOfficeOnOrAfter(DateOnly date)
    {
        var day = NextWorkingDayOnOrAfter(date);
        return At(day, OfficeHours[^1].To);
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        for (var day = 0; day < MaxDaysScanned; day++)
        {
            if (IsWorkingDay(date.AddDays(day)))
                return date.AddDays(day);
        }
        throw new InvalidOperationException($"No working day within {MaxDaysScanned} days of {date}.");
    }

    /// <summary>Office periods from an instant onwards, the first one clipped to start at it.</summary>
    IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> PeriodsFrom(DateTimeOffset start)
    {
        var from = ToLocal(start);
        var firstDate = LocalDate(from);
        for (var day = 0; day < MaxDaysScanned; day++)
        {
            var date = firstDate.AddDays(day);
            if (!IsWorkingDay(date))
                continue;
            foreach (var period in OfficeHours)
            {
                var (open, close) = (At(date, period.From), At(date, period.To));
                if (close > from)
                    yield return (open > from ? open : from, close);
            }
        }
    }

    /// <summary>Office periods before an instant, latest first, the first clipped to end at it.</summary>
    IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> PeriodsBefore(DateTimeOffset end)
    {
        var to = ToLocal(end);
        var lastDate = LocalDate(to);
        for (var day = 0; day < MaxDaysScanned; day++)
        {
            var date = lastDate.AddDays(-day);
            if (!IsWorkingDay(date))
                continue;
            foreach (var period in OfficeHours.Reverse())
            {
                var (open, close) = (At(date, period.From), At(date, period.To));
                if (open < to)
                    yield return (open, close < to ? close : to);
            }
        }
    }

    static InvalidOperationException TooFar(DateTimeOffset instant) =>
        new($"The working time runs past {MaxDaysScanned} days from {instant:O}.");
}
