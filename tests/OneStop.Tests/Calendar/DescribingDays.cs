using OneStop.Calendar;
using Shouldly;

namespace OneStop.Tests.Calendar;

public class when_describing_a_day
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    [Theory]
    [InlineData("2026-03-04", true, "Working day")]
    [InlineData("2026-03-07", false, "Weekend")]
    [InlineData("2026-02-17", false, "Public holiday: Tet")]
    [InlineData("2025-09-02", false, "Public holiday: National Day")]
    [InlineData("2025-05-02", false, "Swapped day off: Swapped with Saturday 2025-04-26")]
    [InlineData(
        "2026-04-27",
        false,
        "Compensatory day off: Hung Kings Commemoration fell on Sunday 2026-04-26")]
    [InlineData("2026-08-22", true, "Make-up working day: Working Saturday in exchange for 2026-08-31")]
    public void it_says_whether_the_day_is_worked_and_why(string date, bool working, string reason)
    {
        var day = calendar.Describe(Local.Date(date));

        day.ShouldBe(new DayInfo(Local.Date(date), working, reason, IsProvisional: false));
        calendar.IsWorkingDay(Local.Date(date)).ShouldBe(working);
    }

    [Fact]
    public void a_compensatory_day_of_an_unannounced_year_names_the_holiday_it_replaces()
    {
        calendar.Describe(Local.Date("2027-05-03")).Reason
            .ShouldBe("Compensatory day off: International Labour Day fell on Saturday 2027-05-01");
    }
}
