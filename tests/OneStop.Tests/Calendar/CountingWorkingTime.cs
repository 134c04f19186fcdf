using OneStop.Calendar;
using Shouldly;

namespace OneStop.Tests.Calendar;

public class when_counting_working_days
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    [Fact]
    public void a_receipt_during_lunch_starts_at_one_pm()
    {
        var appointment = calendar.Appointment(Local.At("2026-03-04 12:10"), new(1, TimeUnit.WorkingDays));

        appointment.ShouldBe(Local.At("2026-03-05 11:30"));
    }

    [Fact]
    public void counting_that_ends_at_a_closing_time_ends_there_not_at_the_next_opening()
    {
        var appointment = calendar.Appointment(Local.At("2026-03-06 18:45"), new(2, TimeUnit.WorkingDays));

        appointment.ShouldBe(Local.At("2026-03-10 17:00"));
    }

    [Fact]
    public void the_tet_break_is_skipped()
    {
        var appointment = calendar.Appointment(Local.At("2026-02-13 10:00"), new(5, TimeUnit.WorkingDays));

        appointment.ShouldBe(Local.At("2026-02-27 10:00"));
    }

    [Fact]
    public void a_zero_limit_is_the_start_itself()
    {
        var start = Local.At("2026-03-04 09:00");

        calendar.Appointment(start, new(0, TimeUnit.WorkingDays)).ShouldBe(start);
    }

    [Fact]
    public void the_result_is_given_in_local_time()
    {
        var appointment = calendar.Appointment(Local.At("2026-03-02 09:15"), new(1, TimeUnit.WorkingDays));

        appointment.Offset.ShouldBe(TimeSpan.FromHours(7));
    }
}

public class when_counting_calendar_days_and_months
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    [Fact]
    public void the_count_starts_from_the_local_receipt_date()
    {
        // 23:30 UTC on 2026-03-01 is already 2 March in Hanoi.
        var receivedAt = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

        calendar.Appointment(receivedAt, new(3, TimeUnit.CalendarDays))
            .ShouldBe(Local.At("2026-03-05 17:00"));
    }

    [Fact]
    public void a_last_day_on_a_holiday_moves_past_the_holiday()
    {
        calendar.Appointment(Local.At("2026-04-15 10:00"), new(15, TimeUnit.CalendarDays))
            .ShouldBe(Local.At("2026-05-04 17:00"));
    }

    [Fact]
    public void months_end_at_close_of_office_on_the_same_day_of_the_month()
    {
        calendar.Appointment(Local.At("2026-01-15 10:00"), new(1, TimeUnit.CalendarMonths))
            .ShouldBe(Local.At("2026-02-23 17:00"), "15 Feb is a Sunday inside the Tet break");
    }

    [Fact]
    public void months_from_the_31st_end_on_the_last_day_of_a_shorter_month()
    {
        calendar.Appointment(Local.At("2026-03-31 10:00"), new(1, TimeUnit.CalendarMonths))
            .ShouldBe(Local.At("2026-05-04 17:00"), "30 Apr and 1 May are off, then a weekend");
    }
}

public class when_measuring_working_time_between_instants
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    [Fact]
    public void lunch_is_not_counted()
    {
        calendar.WorkingTimeBetween(Local.At("2026-03-04 11:00"), Local.At("2026-03-04 13:30"))
            .ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void a_weekend_is_not_counted()
    {
        calendar.WorkingTimeBetween(Local.At("2026-03-06 16:00"), Local.At("2026-03-09 08:30"))
            .ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void the_tet_break_is_not_counted()
    {
        calendar.WorkingTimeBetween(Local.At("2026-02-13 10:00"), Local.At("2026-02-27 10:00"))
            .ShouldBe(TimeSpan.FromHours(40));
    }

    [Fact]
    public void a_reversed_interval_is_zero()
    {
        calendar.WorkingTimeBetween(Local.At("2026-03-05 10:00"), Local.At("2026-03-04 10:00"))
            .ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void time_outside_office_hours_is_zero()
    {
        calendar.WorkingTimeBetween(Local.At("2026-03-06 17:00"), Local.At("2026-03-09 07:30"))
            .ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void it_undoes_adding_working_time()
    {
        var start = Local.At("2026-04-24 12:00");
        var end = calendar.AddWorkingTime(start, TimeSpan.FromHours(13.25));

        calendar.WorkingTimeBetween(start, end).ShouldBe(TimeSpan.FromHours(13.25));
    }
}

public class when_finding_the_next_opening
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    [Theory]
    [InlineData("2026-03-04 09:00", "2026-03-04 09:00")]
    [InlineData("2026-03-04 12:10", "2026-03-04 13:00")]
    [InlineData("2026-03-04 17:00", "2026-03-05 07:30")]
    [InlineData("2026-03-06 18:45", "2026-03-09 07:30")]
    [InlineData("2026-02-13 17:30", "2026-02-23 07:30")]
    public void an_open_office_is_open_now_and_a_closed_one_opens_at_its_next_period(
        string instant,
        string expected)
    {
        calendar.NextOpening(Local.At(instant)).ShouldBe(Local.At(expected));
    }
}

public class when_subtracting_working_time
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    [Fact]
    public void lunch_and_nights_are_skipped_backwards()
    {
        calendar.SubtractWorkingTime(Local.At("2026-03-05 09:15"), TimeSpan.FromHours(8))
            .ShouldBe(Local.At("2026-03-04 09:15"));
    }

    [Fact]
    public void a_result_at_an_opening_time_is_the_previous_closing_time()
    {
        calendar.SubtractWorkingTime(Local.At("2026-03-10 17:00"), TimeSpan.FromHours(8))
            .ShouldBe(Local.At("2026-03-09 17:00"));
    }

    [Fact]
    public void adding_a_negative_time_subtracts()
    {
        calendar.AddWorkingTime(Local.At("2026-03-09 08:00"), TimeSpan.FromHours(-1))
            .ShouldBe(Local.At("2026-03-06 16:30"));
    }
}

/// <summary>
/// Working time between two instants comes from running totals per day; it must equal the period-by-period
/// count for any two instants: inside and outside office hours, across holidays, years and announced or
/// provisional calendars, and in a time zone that changes its clocks.
/// </summary>
public class when_working_time_is_read_from_running_totals
{
    [Theory]
    [InlineData("SE Asia Standard Time", "Asia/Ho_Chi_Minh")]
    [InlineData("Romance Standard Time", "Europe/Paris")]
    public void it_equals_the_period_by_period_count(string windowsZone, string ianaZone)
    {
        var zone = OperatingSystem.IsWindows() ? windowsZone : ianaZone;
        var calendar = new WorkingCalendar(CalendarDefinition.Vietnam() with { TimeZoneId = zone });
        var random = new Random(2026);
        var origin = new DateTimeOffset(2024, 12, 20, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3000; i++)
        {
            // Whole quarter hours hit opening and closing times exactly; some spans are short, some years long.
            var from = origin.AddMinutes(15 * random.Next(0, 4 * 24 * 365 * 3));
            var span = TimeSpan.FromMinutes(15 * (i % 3 == 0 ? random.Next(0, 200) : random.Next(0, 4 * 24 * 800)));
            var to = i % 7 == 0 ? from - span : from + span;

            calendar.WorkingTimeBetween(from, to)
                .ShouldBe(calendar.WorkingTimeCountedPeriodByPeriod(from, to), $"{from:O} to {to:O}");
        }
    }
}
