using System.Globalization;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Calendar;

/// <summary>When a result is promised, computed by the same code the ledger uses.</summary>
public sealed record AppointmentAnswer(
    DateTimeOffset From,
    int Value,
    TimeUnit Unit,
    DateTimeOffset Appointment,
    bool Provisional,
    string CalendarVersion);

public static class AppointmentEndpoint
{
    [WolverineGet("/api/calendar/appointment")]
    public static AppointmentAnswer Get(string? from, int? value, string? unit, WorkingCalendar calendar)
    {
        var start = CalendarQuery.Instant(from, "from", calendar.TimeZone);
        if (value is not (>= 0 and <= 1000))
            throw InvalidInput.Field("value", "Give the limit's value, 0 to 1000.");
        if (!Enum.TryParse<TimeUnit>(unit, ignoreCase: true, out var timeUnit) || !Enum.IsDefined(timeUnit)
            || int.TryParse(unit, out _))
            throw InvalidInput.Field("unit", "Use WorkingDays, WorkingHours, CalendarDays or CalendarMonths.");

        var schedule = calendar.Schedule(start, new TimeLimit(value.Value, timeUnit));
        var offset = calendar.TimeZone.GetUtcOffset(schedule.Appointment);
        return new AppointmentAnswer(start, value.Value, timeUnit, schedule.Appointment.ToOffset(offset),
            schedule.Provisional, calendar.Version);
    }
}

public static class CalendarDaysEndpoint
{
    private const int MaxDays = 731;

    [WolverineGet("/api/calendar/days")]
    public static IReadOnlyList<DayInfo> Get(string? from, string? to, WorkingCalendar calendar)
    {
        var first = CalendarQuery.Date(from, "from");
        var last = CalendarQuery.Date(to, "to");
        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
            throw InvalidInput.Field("to", $"Give 'to' on or after 'from', at most {MaxDays} days later.");
        return
        [
            .. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1)
                .Select(d => calendar.Describe(first.AddDays(d))),
        ];
    }
}

internal static class CalendarQuery
{
    /// <summary>
    /// An ISO 8601 instant. An unencoded '+' in a query string arrives as a space and is read back as the
    /// offset sign; a time without an offset (or a bare date) is local time where the calendar is kept, as a
    /// kiosk or an officer would mean it.
    /// </summary>
    public static DateTimeOffset Instant(string? text, string field, TimeZoneInfo zone)
    {
        var cleaned = text?.Replace(' ', '+');
        if (cleaned is { Length: <= 40 }
            && DateTime.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            && parsed.Year is >= InputRules.FirstYear and <= InputRules.LastYear)
        {
            if (parsed.Kind == DateTimeKind.Unspecified)
                return new DateTimeOffset(parsed, zone.GetUtcOffset(parsed));
            if (DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                return instant;
        }

        throw InvalidInput.Field(field,
            "Give an ISO 8601 instant, e.g. 2026-02-13T10:00:00+07:00 (without an offset it is Vietnam time).");
    }

    public static DateOnly Date(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= InputRules.FirstYear and <= InputRules.LastYear
            ? date
            : throw InvalidInput.Field(field, "Give a date as yyyy-MM-dd.");
}
