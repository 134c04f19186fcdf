using System.Globalization;
using OneStop.Calendar;
using OneStop.Problems;

namespace OneStop.Overseeing;

/// <summary>A stretch of business time [Start, End), named by its local dates or month.</summary>
public sealed record ReportingPeriod(string Name, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Judge what is unfinished at the end of the period, or now while the period is running.</summary>
    public DateTimeOffset AsOf(DateTimeOffset now) => now < End ? now : End;

    /// <summary>From the local start of <paramref name="from"/> to the local end of <paramref name="to"/>.</summary>
    public static ReportingPeriod Days(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        InputRules.Date(from, "from");
        InputRules.Date(to, "to");
        if (to < from)
            throw InvalidInput.Field("to", "The period ends before it starts.");
        return new($"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", calendar.At(from, TimeOnly.MinValue),
            calendar.At(to.AddDays(1), TimeOnly.MinValue));
    }

    public static ReportingPeriod Month(WorkingCalendar calendar, DateOnly first) =>
        new($"{first:yyyy-MM}", calendar.At(first, TimeOnly.MinValue),
            calendar.At(first.AddMonths(1), TimeOnly.MinValue));

    /// <summary>A month given as <c>yyyy-MM</c>.</summary>
    public static ReportingPeriod ParseMonth(WorkingCalendar calendar, string month)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var first))
            throw InvalidInput.Field("month", "Give the month as yyyy-MM, for example 2026-03.");
        return Month(calendar, InputRules.Date(first, "month"));
    }

    /// <summary>The calendar months the period touches, each clipped to the period.</summary>
    public IEnumerable<ReportingPeriod> Months(WorkingCalendar calendar)
    {
        var local = calendar.LocalDate(Start);
        for (var first = new DateOnly(local.Year, local.Month, 1); ; first = first.AddMonths(1))
        {
            var month = Month(calendar, first);
            if (month.Start >= End)
                yield break;
            yield return month with
            {
                Start = month.Start < Start ? Start : month.Start,
                End = month.End > End ? End : month.End,
            };
        }
    }

    public bool Contains(DateTimeOffset? instant) => instant >= Start && instant < End;
}
