using OneStop.Calendar;
using Shouldly;

namespace OneStop.Tests.Calendar;

public class when_computing_lunar_dates
{
    [Theory]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2014, "2014-01-31")]
    public void tet_falls_on_the_published_date(int year, string tet)
    {
        LunarCalendar.NewYear(year).ShouldBe(Local.Date(tet));
    }

    [Fact]
    public void tet_2007_is_a_day_earlier_in_vietnam_than_in_china()
    {
        // The new moon came at 23:14 in Hanoi on 17 Feb, already 00:14 on 18 Feb in Beijing.
        LunarCalendar.NewYear(2007).ShouldBe(Local.Date("2007-02-17"));
        LunarCalendar.NewYear(2007, utcOffsetHours: 8).ShouldBe(Local.Date("2007-02-18"));
    }

    [Fact]
    public void tet_1985_is_a_month_earlier_in_vietnam_than_in_china()
    {
        // The meridian moved which month holds the 1984 solstice, and with it the leap month.
        LunarCalendar.NewYear(1985).ShouldBe(Local.Date("1985-01-21"));
        LunarCalendar.NewYear(1985, utcOffsetHours: 8).ShouldBe(Local.Date("1985-02-20"));
    }

    [Theory]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void hung_kings_day_is_the_tenth_of_the_third_month_even_after_a_leap_month(
        int year,
        string expected)
    {
        // 2023 had a leap second month, which pushes the third month one lunation later.
        LunarCalendar.ToSolar(year, 3, 10).ShouldBe(Local.Date(expected));
    }

    [Fact]
    public void a_leap_year_has_thirteen_months_with_one_leap()
    {
        var months = LunarCalendar.MonthsBetweenWinterSolstices(2023);

        months.Count.ShouldBe(13);
        months.Single(m => m.IsLeap).Number.ShouldBe(2);
    }
}

public class when_a_year_is_not_announced
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    static IReadOnlyList<DayOff> Provisional(int year) =>
        StatutoryHolidays.Provisional(year, WorkingCalendar.Vietnam.Definition.WorkingWeek);

    static HashSet<DateOnly> Announced(int year) =>
        [.. WorkingCalendar.Vietnam.Definition.AnnouncedYears.Single(y => y.Year == year)
            .DaysOff.Select(d => d.Date)];

    [Fact]
    public void every_provisional_day_off_of_2026_is_off_in_the_announcement()
    {
        var provisional = Provisional(2026).Select(d => d.Date).ToHashSet();

        provisional.ShouldBeSubsetOf(Announced(2026));
        Announced(2026).Except(provisional).ShouldBe([Local.Date("2026-08-31")], "only the swap is extra");
    }

    [Fact]
    public void every_statutory_weekday_holiday_of_2025_is_off_in_the_announcement()
    {
        // 2025's Saturday Tet day was compensated by the government on Monday 27 Jan instead of
        // Monday 3 Feb, so only holidays that fell on weekdays can be compared.
        var statutory = Provisional(2025)
            .Where(d => d.Kind == DayOffKind.PublicHoliday)
            .Select(d => d.Date);

        statutory.ShouldBeSubsetOf(Announced(2025));
    }

    [Fact]
    public void tet_days_match_the_announced_ones_in_2026()
    {
        Provisional(2026).Where(d => d.Name == "Tet").Select(d => d.Date)
            .ShouldBe(Announced(2026).Where(d => d.Month == 2).Order());
    }

    [Fact]
    public void tet_days_on_a_weekend_give_compensatory_days_after_the_break()
    {
        // Tet 2027 is Saturday 6 Feb: Fri 5, Sat 6, Sun 7, Mon 8 and Tue 9 are the five Tet days.
        var february = Provisional(2027).Where(d => d.Date.Month == 2).Select(d => d.Date.Day);

        february.ShouldBe([5, 8, 9, 10, 11]);
    }

    [Theory]
    [InlineData(2022, "2022-09-01")]
    [InlineData(2023, "2023-09-01")]
    [InlineData(2025, "2025-09-01")]
    [InlineData(2026, "2026-09-01")]
    [InlineData(2027, "2027-09-03")]
    public void national_day_is_joined_by_the_day_before_unless_it_is_a_thursday(int year, string expected)
    {
        StatutoryHolidays.NationalDayCompanion(year).ShouldBe(Local.Date(expected));
    }

    [Fact]
    public void a_national_day_on_monday_gives_tuesday_as_announced_in_2024()
    {
        Provisional(2024).Where(d => d.Date.Month == 9).Select(d => d.Date.Day).ShouldBe([2, 3]);
    }

    [Fact]
    public void its_days_are_described_as_provisional()
    {
        var day = calendar.Describe(Local.Date("2027-02-08"));

        day.ShouldBe(new DayInfo(Local.Date("2027-02-08"), false, "Public holiday: Tet", true));
    }

    [Fact]
    public void an_appointment_counted_into_it_is_provisional()
    {
        var result = calendar.Schedule(Local.At("2026-12-28 09:00"), new(5, TimeUnit.WorkingDays));

        result.Provisional.ShouldBeTrue();
        result.Appointment.ShouldBe(Local.At("2027-01-05 09:00"), "1 Jan 2027 is a statutory holiday");
    }

    [Fact]
    public void an_appointment_within_announced_years_is_not_provisional()
    {
        var result = calendar.Schedule(Local.At("2026-12-21 09:00"), new(5, TimeUnit.WorkingDays));

        result.ShouldBe(new AppointmentResult(Local.At("2026-12-28 09:00"), false, calendar.Version));
    }
}
