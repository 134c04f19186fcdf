using System.Globalization;
using System.Text.Json;

namespace OneStop.Calendar;

/// <summary>One opening period of a working day in local time, such as 07:30–11:30.</summary>
public sealed record OfficePeriod(TimeOnly From, TimeOnly To);

/// <summary>Why a day that would otherwise be worked is off.</summary>
public enum DayOffKind
{
    PublicHoliday,
    CompensatoryDayOff,
    SwappedDayOff,
}

/// <summary>A day off announced (or derived from the statutory rules) for one year.</summary>
public sealed record DayOff(DateOnly Date, string Name, DayOffKind Kind = DayOffKind.PublicHoliday);

/// <summary>A day outside the working week that is worked, in exchange for a day off.</summary>
public sealed record MakeUpWorkingDay(DateOnly Date, string Name);

/// <summary>The calendar the government announced for one year.</summary>
public sealed record AnnouncedYear(
    int Year,
    string Source,
    IReadOnlyList<DayOff> DaysOff,
    IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays);

/// <summary>Everything a working calendar is built from; an agency can change any part of it.</summary>
public sealed record CalendarDefinition(
    string Version,
    string TimeZoneId,
    IReadOnlyList<OfficePeriod> OfficeHours,
    IReadOnlyList<DayOfWeek> WorkingWeek,
    IReadOnlyList<AnnouncedYear> AnnouncedYears)
{
    const string EmbeddedName = "OneStop.Calendar.calendar-vn.json";

    /// <summary>The Vietnamese calendar shipped with OneStop.</summary>
    public static CalendarDefinition Vietnam()
    {
        using var stream = typeof(CalendarDefinition).Assembly
            .GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static CalendarDefinition Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new(
            root.GetProperty("version").GetString()!,
            root.GetProperty("timeZone").GetString()!,
            [.. root.GetProperty("officeHours").EnumerateArray().Select(ParsePeriod)],
            [.. root.GetProperty("workingWeek").EnumerateArray().Select(ParseDayOfWeek)],
            [.. root.GetProperty("years").EnumerateObject().Select(ParseYear)]);
    }

    static OfficePeriod ParsePeriod(JsonElement period) =>
        new(ParseTime(period.GetProperty("from")), ParseTime(period.GetProperty("to")));

    static AnnouncedYear ParseYear(JsonProperty year)
    {
        var body = year.Value;
        var daysOff = body.GetProperty("daysOff").EnumerateArray().Select(day => new DayOff(
            ParseDate(day.GetProperty("date")),
            day.GetProperty("name").GetString()!,
            day.TryGetProperty("kind", out var kind)
                ? Enum.Parse<DayOffKind>(kind.GetString()!)
                : DayOffKind.PublicHoliday));
        var makeUpDays = body.TryGetProperty("makeUpWorkingDays", out var makeUp)
            ? makeUp.EnumerateArray().Select(day => new MakeUpWorkingDay(
                ParseDate(day.GetProperty("date")), day.GetProperty("name").GetString()!))
            : [];
        return new(
            int.Parse(year.Name, CultureInfo.InvariantCulture),
            body.GetProperty("source").GetString()!,
            [.. daysOff],
            [.. makeUpDays]);
    }

    static DayOfWeek ParseDayOfWeek(JsonElement value) => Enum.Parse<DayOfWeek>(value.GetString()!);

    static DateOnly ParseDate(JsonElement value) =>
        DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static TimeOnly ParseTime(JsonElement value) =>
        TimeOnly.ParseExact(value.GetString()!, "HH:mm", CultureInfo.InvariantCulture);
}
