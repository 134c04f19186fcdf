namespace OneStop.Calendar;

/// <summary>The deadlines set by DESIGN.md's processing rules, on a working calendar.</summary>
public static class ProcessingRules
{
    /// <summary>Paper dossiers received after this local time are handed over next day.</summary>
    public static readonly TimeOnly HandOverCutOff = new(15, 0);

    /// <summary>
    /// The latest instant a paper dossier may reach the handling unit (rule 3). Received on a
    /// working day up to the cut-off (15:00 local, inclusive; before opening counts too): the
    /// close of office that day. Received later, or on a day off: "the start of the next working
    /// day", read as the end of that day's first office period (11:30 by default), so the
    /// dossier travels in the morning session rather than at the opening minute.
    /// </summary>
    public static DateTimeOffset HandOverDeadline(
        this WorkingCalendar calendar,
        DateTimeOffset receivedAt,
        TimeOnly? cutOff = null)
    {
        var date = calendar.LocalDate(receivedAt);
        var local = TimeZoneInfo.ConvertTime(receivedAt, calendar.TimeZone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        if (calendar.IsWorkingDay(date) && time <= (cutOff ?? HandOverCutOff))
            return calendar.At(date, calendar.OfficeHours[^1].To);

        var nextWorkingDay = calendar.NextWorkingDayOnOrAfter(date.AddDays(1));
        return calendar.At(nextWorkingDay, calendar.OfficeHours[0].To);
    }

    /// <summary>Online dossiers are received, refused or answered within 8 working hours (rule 4).</summary>
    public static DateTimeOffset OnlineReceptionDeadline(
        this WorkingCalendar calendar,
        DateTimeOffset submittedAt) =>
        calendar.AddWorkingTime(submittedAt, TimeSpan.FromHours(8));

    /// <summary>A supplement request comes within 3 working days of reception (rule 5).</summary>
    public static DateTimeOffset SupplementRequestDeadline(
        this WorkingCalendar calendar,
        DateTimeOffset receivedAt) =>
        calendar.AddWorkingTime(receivedAt, calendar.WorkingDayLength * 3);

    /// <summary>An apology is filed at least one working day before the appointment (rule 6).</summary>
    public static DateTimeOffset ApologyDeadline(
        this WorkingCalendar calendar,
        DateTimeOffset appointment) =>
        calendar.SubtractWorkingTime(appointment, calendar.WorkingDayLength);
}
