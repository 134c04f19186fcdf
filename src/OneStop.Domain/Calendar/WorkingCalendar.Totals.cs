using System.Collections.Concurrent;

namespace OneStop.Calendar;

public sealed partial class WorkingCalendar
{
    // Per year: the working time from the year's first local midnight to the start of each day (the year's
    // total last), and each day's office periods as instants. Built once per year on first use, from the same
    // periods the day-by-day count walks.
    readonly ConcurrentDictionary<int, YearTotals> yearTotals = new();

    sealed record YearTotals(long[] Before, (DateTimeOffset Open, DateTimeOffset Close)[][] Periods);

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
            total += TotalsOf(year).Before[^1];
        return TimeSpan.FromTicks(total);
    }

    /// <summary>The working time from the start of the instant's local year up to the instant.</summary>
    (int Year, long Ticks) SinceYearStart(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        var year = TotalsOf(date.Year);
        var ticks = year.Before[date.DayOfYear - 1];
        foreach (var (open, close) in year.Periods[date.DayOfYear - 1])
        {
            if (instant > open)
                ticks += ((instant < close ? instant : close) - open).Ticks;
        }
        return (date.Year, ticks);
    }

    YearTotals TotalsOf(int year) => yearTotals.GetOrAdd(year, y =>
    {
        var first = new DateOnly(y, 1, 1);
        var days = DateTime.IsLeapYear(y) ? 366 : 365;
        var before = new long[days + 1];
        var periods = new (DateTimeOffset Open, DateTimeOffset Close)[days][];
        for (var day = 0; day < days; day++)
        {
            var date = first.AddDays(day);
            periods[day] = IsWorkingDay(date) ? [.. OfficeHours.Select(p => (At(date, p.From), At(date, p.To)))] : [];
            before[day + 1] = before[day] + periods[day].Sum(p => (p.Close - p.Open).Ticks);
        }
        return new YearTotals(before, periods);
    });
}
