using OneStop.Calendar;
using Shouldly;

namespace OneStop.Tests.Calendar;

public class when_judging_a_finished_dossier
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;
    readonly DateTimeOffset appointment = Local.At("2026-03-05 09:15");

    [Theory]
    [InlineData("2026-03-05 09:16", Timeliness.Late)]
    [InlineData("2026-03-05 09:15", Timeliness.OnTime)]
    [InlineData("2026-03-05 07:00", Timeliness.OnTime)]
    [InlineData("2026-03-04 16:59", Timeliness.Early)]
    public void it_compares_with_the_appointment_instant_and_date(string finishedAt, Timeliness expected)
    {
        calendar.Judge(appointment, Local.At(finishedAt)).ShouldBe(expected);
    }

    [Fact]
    public void early_is_decided_by_the_local_date_not_the_utc_date()
    {
        // 06:30 in Hanoi on the appointment day is still the previous day in UTC.
        var finishedAt = new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero);

        calendar.Judge(appointment, finishedAt).ShouldBe(Timeliness.OnTime);
    }
}

public class when_judging_a_dossier_in_progress
{
    readonly WorkingCalendar calendar = WorkingCalendar.Vietnam;
    readonly DateTimeOffset appointment = Local.At("2026-03-09 17:00");

    [Theory]
    [InlineData("2026-03-09 17:01", Timeliness.Overdue)]
    [InlineData("2026-03-06 17:00", Timeliness.DueSoon)]
    [InlineData("2026-03-06 16:59", Timeliness.OnTrack)]
    [InlineData("2026-03-02 09:00", Timeliness.OnTrack)]
    public void due_soon_means_one_working_day_or_less_left(string now, Timeliness expected)
    {
        // Friday 17:00 to Monday 17:00 is three calendar days but one working day.
        calendar.JudgeInProgress(appointment, Local.At(now)).ShouldBe(expected);
    }

    [Fact]
    public void the_due_soon_threshold_can_be_widened()
    {
        calendar.JudgeInProgress(appointment, Local.At("2026-03-05 17:00"), TimeSpan.FromHours(16))
            .ShouldBe(Timeliness.DueSoon);
    }
}
