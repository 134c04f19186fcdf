namespace OneStop.Calendar;

/// <summary>One month of the lunisolar calendar: year, number, whether leap, first day.</summary>
public sealed record LunarMonth(int Year, int Number, bool IsLeap, DateOnly Start, int Length);

/// <summary>
/// Vietnamese lunisolar dates from astronomical new moons and solar terms, evaluated at a meridian.
/// </summary>
/// <remarks>
/// Rules: a month starts on the local day of a new moon; month 11 contains the December solstice;
/// a year with 13 months between two months 11 makes the first month without a major solar term
/// (a multiple of 30° of solar longitude) a leap month. The day boundary is local midnight at the
/// meridian, which is why Vietnam (UTC+7 since 1968) and China (UTC+8) sometimes differ.
/// </remarks>
public static class LunarCalendar
{
    /// <summary>Vietnam's calendar meridian (105° E), in hours east of UTC.</summary>
    public const double VietnamUtcOffsetHours = 7;

    public static DateOnly NewYear(int year, double utcOffsetHours = VietnamUtcOffsetHours) =>
        ToSolar(year, 1, 1, utcOffsetHours);

    /// <summary>The solar date of a day in a (non-leap) lunar month.</summary>
    public static DateOnly ToSolar(
        int lunarYear,
        int month,
        int day,
        double utcOffsetHours = VietnamUtcOffsetHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var found = MonthsBetweenWinterSolstices(lunarYear, utcOffsetHours)
            .Concat(MonthsBetweenWinterSolstices(lunarYear + 1, utcOffsetHours))
            .First(m => m.Year == lunarYear && m.Number == month && !m.IsLeap);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, found.Length);
        return found.Start.AddDays(day - 1);
    }

    /// <summary>
    /// The months from month 11 of lunar year <paramref name="year"/> − 1 up to, not including,
    /// month 11 of <paramref name="year"/>: 12 months, or 13 with a leap month.
    /// </summary>
    public static IReadOnlyList<LunarMonth> MonthsBetweenWinterSolstices(
        int year,
        double utcOffsetHours = VietnamUtcOffsetHours)
    {
        var first = Month11Index(year - 1, utcOffsetHours);
        var count = Month11Index(year, utcOffsetHours) - first;
        var starts = Enumerable.Range(first, count + 1)
            .Select(k => NewMoonDay(k, utcOffsetHours))
            .ToArray();
        var leap = count == 13 ? FirstMonthWithoutMajorTerm(starts, utcOffsetHours) : -1;

        var months = new List<LunarMonth>(count);
        var (lunarYear, number) = (year - 1, 11);
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i != leap)
                (lunarYear, number) = number == 12 ? (lunarYear + 1, 1) : (lunarYear, number + 1);
            var length = starts[i + 1].DayNumber - starts[i].DayNumber;
            months.Add(new(lunarYear, number, i == leap, starts[i], length));
        }
        return months;
    }

    static int FirstMonthWithoutMajorTerm(DateOnly[] starts, double utcOffsetHours)
    {
        // Month 11 (index 0) holds the solstice by definition, so the search starts after it.
        for (var i = 1; i < starts.Length - 1; i++)
        {
            var sector = SolarTermSector(starts[i], utcOffsetHours);
            if (sector == SolarTermSector(starts[i + 1], utcOffsetHours))
                return i;
        }
        throw new InvalidOperationException("A 13-month lunar year has no month without a major term.");
    }

    /// <summary>The new moon that starts the month holding the December solstice.</summary>
    static int Month11Index(int year, double utcOffsetHours)
    {
        var december31 = new DateOnly(year, 12, 31);
        var k = Astronomy.NewMoonIndexNear(Astronomy.JulianDayAtMidnight(december31));
        while (NewMoonDay(k + 1, utcOffsetHours) <= december31)
            k++;
        while (NewMoonDay(k, utcOffsetHours) > december31)
            k--;

        // Sector 9 starts at 270°: a month starting past the solstice does not hold it.
        return SolarTermSector(NewMoonDay(k, utcOffsetHours), utcOffsetHours) >= 9 ? k - 1 : k;
    }

    static DateOnly NewMoonDay(int k, double utcOffsetHours) =>
        Astronomy.LocalDate(Astronomy.NewMoon(k), utcOffsetHours);

    /// <summary>The 30° sector of solar longitude at the local midnight starting a day.</summary>
    static int SolarTermSector(DateOnly day, double utcOffsetHours)
    {
        var midnight = Astronomy.JulianDayAtMidnight(day) - utcOffsetHours / 24;
        return (int)(Astronomy.SunLongitude(midnight) / 30);
    }
}
