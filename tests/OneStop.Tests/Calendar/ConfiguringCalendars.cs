using OneStop.Calendar;
using Shouldly;

namespace OneStop.Tests.Calendar;

public class when_the_embedded_calendar_is_loaded
{
    [Fact]
    public void it_holds_vietnamese_office_hours_week_and_time_zone()
    {
        var calendar = WorkingCalendar.Vietnam;

        calendar.TimeZone.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(7));
        calendar.OfficeHours.ShouldBe([new(new(7, 30), new(11, 30)), new(new(13, 0), new(17, 0))]);
        calendar.Definition.WorkingWeek.Count.ShouldBe(5);
        calendar.WorkingDayLength.ShouldBe(TimeSpan.FromHours(8));
        calendar.IsAnnounced(2025).ShouldBeTrue();
        calendar.IsAnnounced(2026).ShouldBeTrue();
        calendar.IsAnnounced(2027).ShouldBeFalse();
    }

    [Fact]
    public void a_definition_without_working_days_is_refused()
    {
        var definition = CalendarDefinition.Vietnam() with { WorkingWeek = [] };

        Should.Throw<ArgumentException>(() => new WorkingCalendar(definition));
    }
}

public class when_an_agency_keeps_other_office_hours
{
    readonly WorkingCalendar calendar = new(CalendarDefinition.Vietnam() with
    {
        OfficeHours = [new(new(7, 0), new(11, 30)), new(new(13, 30), new(17, 0))],
    });

    [Fact]
    public void a_working_day_is_its_own_office_hours()
    {
        calendar.Appointment(Local.At("2026-03-04 07:00"), new(1, TimeUnit.WorkingDays))
            .ShouldBe(Local.At("2026-03-04 17:00"));
    }

    [Fact]
    public void lunch_follows_its_hours()
    {
        calendar.NextOpening(Local.At("2026-03-04 13:00")).ShouldBe(Local.At("2026-03-04 13:30"));
    }
}

public class when_a_new_announcement_arrives
{
    static readonly AnnouncedYear announced2027 = new(
        2027,
        "Test announcement",
        [new(Local.Date("2027-01-01"), "New Year"), new(Local.Date("2027-02-05"), "Tet")],
        [new(Local.Date("2027-01-09"), "Working Saturday")]);

    readonly WorkingCalendar updated = WorkingCalendar.Vietnam.WithAnnouncedYear(announced2027, "vn-2027.1");

    [Fact]
    public void the_new_version_uses_the_announcement()
    {
        updated.Version.ShouldBe("vn-2027.1");
        updated.Describe(Local.Date("2027-01-09")).IsWorkingDay.ShouldBeTrue();
        updated.Describe(Local.Date("2027-02-08")).ShouldBe(
            new DayInfo(Local.Date("2027-02-08"), true, "Working day", false));
    }

    [Fact]
    public void the_previous_version_is_unchanged()
    {
        WorkingCalendar.Vietnam.Version.ShouldBe("vn-2025-2026.1");
        WorkingCalendar.Vietnam.IsAnnounced(2027).ShouldBeFalse();
    }

    [Fact]
    public void appointments_in_that_year_are_no_longer_provisional()
    {
        var result = updated.Schedule(Local.At("2027-03-01 09:00"), new(3, TimeUnit.WorkingDays));

        result.ShouldBe(new AppointmentResult(Local.At("2027-03-04 09:00"), false, "vn-2027.1"));
    }

    [Fact]
    public void a_day_listed_under_the_wrong_year_is_refused()
    {
        var wrong = announced2027 with { DaysOff = [new(Local.Date("2028-01-01"), "New Year")] };

        Should.Throw<ArgumentException>(() => WorkingCalendar.Vietnam.WithAnnouncedYear(wrong, "bad"));
    }
}
