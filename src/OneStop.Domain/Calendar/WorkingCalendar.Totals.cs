using System.Collections.Concurrent;

namespace OneStop.Calendar;

public sealed partial class WorkingCalendar
{
    // Per year: the working time from the year's first local midnight to the start of each day, and the
    // year's total last. Built once per year on first use, from the same periods the day-by-day count walks.
    readonly ConcurrentDictionary<int, long[]> yearTotals = new();

    /// <summary>
    /// The working time between two instants; zero when to is not after from. Read from running totals per
    /// day, so a span of months costs as little as a span of minutes; it always equals
    /// <see cref="WorkingTimeCountedPeriodByPeriod"/>.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        // The period-by-period count looks ten years ahead at most; keep its answer beyond that.
        if (to - from >= TimeSpan.FromDays(MaxDaysScanned - 2))
            return WorkingTimeCountedPeriodByPeriod(from, to);
        var (fromYear, beforeFrom) = SinceYearStart(from);
        var (toYear, beforeTo) = SinceYearStart(to);
        var total = beforeTo - beforeFrom;
        for (var year = fromYear; year < toYear; year++)
            total += TotalsOf(year)[^1];
        return TimeSpan.FromTicks(total);
    }

    /// <summary>The working time from the start of the instant's local year up to the instant.</summary>
    (int Year, long Ticks) SinceYearStart(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        var ticks = TotalsOf(date.Year)[date.DayOfYear - 1];
        if (!IsWorkingDay(date))
            return (date.Year, ticks);
        foreach (var period in OfficeHours)
        {
            var (open, close) = (At(date, period.From), At(date, period.To));
            if (instant > open)
                ticks += ((instant < close ? instant : close) - open).Ticks;
        }
        return (date.Year, ticks);
    }

    long[] TotalsOf(int year) => yearTotals.GetOrAdd(year, y =>
    {
        var first = new DateOnly(y, 1, 1);
        var days = DateTime.IsLeapYear(y) ? 366 : 365;
        var totals = new long[days + 1];
        for (var day = 0; day < days; day++)
            totals[day + 1] = totals[day] + WorkingTimeOn(first.AddDays(day)).Ticks;
        return totals;
    });

    TimeSpan WorkingTimeOn(DateOnly date) =>
        IsWorkingDay(date)
            ? OfficeHours.Aggregate(TimeSpan.Zero, (sum, p) => sum + (At(date, p.To) - At(date, p.From)))
            : TimeSpan.Zero;
}
