using OneStop.Calendar;
using Shouldly;

namespace OneStop.Tests.Calendar;

public class when_handing_over_a_paper_dossier
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;

    [Theory]
    [InlineData("2026-03-04 06:50", "2026-03-04 17:00")]
    [InlineData("2026-03-04 14:59", "2026-03-04 17:00")]
    [InlineData("2026-03-04 15:00", "2026-03-04 17:00")]
    [InlineData("2026-03-04 15:01", "2026-03-05 11:30")]
    [InlineData("2026-03-06 16:00", "2026-03-09 11:30")]
    [InlineData("2026-03-07 10:00", "2026-03-09 11:30")]
    [InlineData("2026-02-13 16:00", "2026-02-23 11:30")]
    public void after_three_pm_it_goes_in_the_next_working_morning(string receivedAt, string deadline)
    {
        calendar.HandOverDeadline(Local.At(receivedAt)).ShouldBe(Local.At(deadline));
    }

    [Fact]
    public void the_cut_off_can_be_set_per_agency()
    {
        calendar.HandOverDeadline(Local.At("2026-03-04 15:30"), new TimeOnly(16, 0))
            .ShouldBe(Local.At("2026-03-04 17:00"));
    }
}

public class when_an_online_dossier_is_submitted
{
    [Fact]
    public void it_must_be_answered_within_eight_working_hours()
    {
        WorkingCalendar.Vietnam.OnlineReceptionDeadline(Local.At("2026-03-06 14:00"))
            .ShouldBe(Local.At("2026-03-09 14:00"));
    }

    [Fact]
    public void a_submission_at_night_is_counted_from_the_next_opening()
    {
        WorkingCalendar.Vietnam.OnlineReceptionDeadline(Local.At("2026-03-04 22:00"))
            .ShouldBe(Local.At("2026-03-05 17:00"));
    }
}

public class when_a_supplement_may_be_requested
{
    [Fact]
    public void the_request_is_due_within_three_working_days_of_reception()
    {
        WorkingCalendar.Vietnam.SupplementRequestDeadline(Local.At("2026-04-28 10:00"))
            .ShouldBe(Local.At("2026-05-05 10:00"), "30 Apr, 1 May and the weekend are off");
    }
}

public class when_an_apology_is_due
{
    [Fact]
    public void it_is_due_one_working_day_before_the_appointment()
    {
        WorkingCalendar.Vietnam.ApologyDeadline(Local.At("2026-03-05 09:15"))
            .ShouldBe(Local.At("2026-03-04 09:15"));
    }

    [Fact]
    public void before_a_closing_time_appointment_it_is_due_at_the_previous_close()
    {
        WorkingCalendar.Vietnam.ApologyDeadline(Local.At("2026-03-10 17:00"))
            .ShouldBe(Local.At("2026-03-09 17:00"));
    }

    [Fact]
    public void an_appointment_after_tet_is_apologised_for_before_tet()
    {
        WorkingCalendar.Vietnam.ApologyDeadline(Local.At("2026-02-23 10:00"))
            .ShouldBe(Local.At("2026-02-13 10:00"));
    }
}
