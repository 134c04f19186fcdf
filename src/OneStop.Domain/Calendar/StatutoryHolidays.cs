using System.Globalization;

namespace OneStop.Calendar;

/// <summary>The days off a year gets from the Labour Code before the government announces it.</summary>
/// <remarks>
/// Labour Code 2019 Art. 112: New Year (1 Jan), Tet (the last day of the old lunar year and the
/// first four of the new), Hung Kings (10th day of the 3rd lunar month), 30 April, 1 May and
/// National Day (2 Sep and the day before or after). A holiday on a day outside the working week
/// gives a compensatory day off on the next working day that is not already off. The government
/// adds swaps and often shifts Tet days around a weekend; a provisional year has neither.
/// </remarks>
public static class StatutoryHolidays
{
    public static IReadOnlyList<DayOff> Provisional(
        int year,
        IReadOnlyCollection<DayOfWeek> workingWeek)
    {
        var tet = LunarCalendar.NewYear(year);
        (DateOnly Date, string Name)[] statutory =
        [
            (new(year, 1, 1), "New Year"),
            (tet.AddDays(-1), "Tet"), (tet, "Tet"), (tet.AddDays(1), "Tet"),
            (tet.AddDays(2), "Tet"), (tet.AddDays(3), "Tet"),
            (LunarCalendar.ToSolar(year, 3, 10), "Hung Kings Commemoration"),
            (new(year, 4, 30), "Reunification Day"),
            (new(year, 5, 1), "International Labour Day"),
            (NationalDayCompanion(year), "National Day"),
            (new(year, 9, 2), "National Day"),
        ];

        var daysOff = statutory
            .Where(h => workingWeek.Contains(h.Date.DayOfWeek))
            .Select(h => new DayOff(h.Date, h.Name))
            .ToList();
        var taken = daysOff.Select(d => d.Date).ToHashSet();
        foreach (var (date, name) in statutory.Where(h => !workingWeek.Contains(h.Date.DayOfWeek)))
        {
            var compensatory = date.AddDays(1);
            while (!workingWeek.Contains(compensatory.DayOfWeek) || taken.Contains(compensatory))
                compensatory = compensatory.AddDays(1);
            taken.Add(compensatory);
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{name} fell on {date.DayOfWeek} {date:yyyy-MM-dd}");
            daysOff.Add(new(compensatory, reason, DayOffKind.CompensatoryDayOff));
        }
        return [.. daysOff.OrderBy(d => d.Date)];
    }

    /// <summary>The second National Day holiday, which the law leaves to the government.</summary>
    /// <remarks>
    /// The government has picked the day that makes the longest break with the weekend: 1 Sep in
    /// 2022, 2023, 2025 and 2026, and Friday 3 Sep in 2021 when 2 Sep was a Thursday. So: 1 Sep,
    /// except 3 Sep when 2 Sep is a Thursday (1 Sep would then be an isolated Wednesday). When 1 Sep
    /// is a Sunday the compensatory rule already moves it to Tuesday 3 Sep, as announced for 2024.
    /// </remarks>
    public static DateOnly NationalDayCompanion(int year)
    {
        var nationalDay = new DateOnly(year, 9, 2);
        return nationalDay.AddDays(nationalDay.DayOfWeek == DayOfWeek.Thursday ? 1 : -1);
    }
}
