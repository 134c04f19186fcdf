using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace OneStop.Calendar;

/// <summary>What the calendar says about one date, and why.</summary>
public sealed record DayInfo(DateOnly Date, bool IsWorkingDay, string Reason, bool IsProvisional);

/// <summary>
/// Office hours, working week, time zone and days off of an agency: which instants are working
/// time. Immutable and safe to share between threads.
/// </summary>
public sealed partial class WorkingCalendar
{
    static readonly Lazy<WorkingCalendar> vietnam = new(() => new(CalendarDefinition.Vietnam()));

    readonly FrozenDictionary<int, YearDays> announced;
    readonly FrozenSet<DayOfWeek> workingWeek;
    readonly ConcurrentDictionary<int, YearDays> provisional = new();

    public WorkingCalendar(CalendarDefinition definition)
    {
        Validate(definition);
        Definition = definition;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZoneId);
        workingWeek = definition.WorkingWeek.ToFrozenSet();
        WorkingDayLength = TimeSpan.FromTicks(definition.OfficeHours.Sum(p => (p.To - p.From).Ticks));
        announced = definition.AnnouncedYears.ToFrozenDictionary(y => y.Year, YearDays.Announced);
    }

    /// <summary>The Vietnamese calendar shipped with OneStop (embedded resource).</summary>
    public static WorkingCalendar Vietnam => vietnam.Value;

    public CalendarDefinition Definition { get; }

    /// <summary>The version of the announcements held; stored with appointments.</summary>
    public string Version => Definition.Version;

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyList<OfficePeriod> OfficeHours => Definition.OfficeHours;

    /// <summary>
    /// The office hours of one working day (8 hours by default). A limit of N working days is N of
    /// these, so an agency with longer office hours counts a working day as its own full day.
    /// </summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>
    /// A new calendar with a year's announcement added or replaced. Appointments already computed
    /// keep their value: the caller decides, with the new version, whether to reschedule.
    /// </summary>
    public WorkingCalendar WithAnnouncedYear(AnnouncedYear year, string version) =>
        new(Definition with
        {
            Version = version,
            AnnouncedYears = [.. Definition.AnnouncedYears.Where(y => y.Year != year.Year), year],
        });

    public bool IsAnnounced(int year) => announced.ContainsKey(year);

    public bool IsWorkingDay(DateOnly date) => Describe(date).IsWorkingDay;

    public DayInfo Describe(DateOnly date)
    {
        var year = DaysOf(date.Year);
        if (year.DaysOff.TryGetValue(date, out var dayOff))
            return new(date, false, dayOff, year.IsProvisional);
        if (year.MakeUpWorkingDays.TryGetValue(date, out var makeUp))
            return new(date, true, makeUp, year.IsProvisional);
        return workingWeek.Contains(date.DayOfWeek)
            ? new(date, true, "Working day", year.IsProvisional)
            : new(date, false, "Weekend", year.IsProvisional);
    }

    /// <summary>The calendar date of an instant in the calendar's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant of a local date and time in the calendar's time zone.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    YearDays DaysOf(int year) =>
        announced.TryGetValue(year, out var days)
            ? days
            : provisional.GetOrAdd(year, y => YearDays.Provisional(y, workingWeek));

    static void Validate(CalendarDefinition definition)
    {
        if (definition.WorkingWeek.Count == 0)
            throw new ArgumentException("The working week has no days.", nameof(definition));
        if (definition.OfficeHours.Count == 0)
            throw new ArgumentException("There are no office hours.", nameof(definition));
        var previousEnd = TimeOnly.MinValue;
        foreach (var period in definition.OfficeHours)
        {
            if (period.From < previousEnd || period.To <= period.From)
                throw new ArgumentException(
                    $"Office period {period.From}–{period.To} is empty or out of order.",
                    nameof(definition));
            previousEnd = period.To;
        }
        foreach (var year in definition.AnnouncedYears)
        {
            var stray = year.DaysOff.Select(d => d.Date)
                .Concat(year.MakeUpWorkingDays.Select(d => d.Date))
                .FirstOrDefault(d => d.Year != year.Year);
            if (stray != default)
                throw new ArgumentException(
                    $"{stray} is listed under year {year.Year}.", nameof(definition));
        }
    }

    sealed record YearDays(
        bool IsProvisional,
        FrozenDictionary<DateOnly, string> DaysOff,
        FrozenDictionary<DateOnly, string> MakeUpWorkingDays)
    {
        public static YearDays Announced(AnnouncedYear year) =>
            new(false, DaysOffWithReasons(year.DaysOff), year.MakeUpWorkingDays.ToFrozenDictionary(
                d => d.Date, d => $"Make-up working day: {d.Name}"));

        public static YearDays Provisional(int year, FrozenSet<DayOfWeek> workingWeek) =>
            new(
                true,
                DaysOffWithReasons(StatutoryHolidays.Provisional(year, workingWeek)),
                FrozenDictionary<DateOnly, string>.Empty);

        static FrozenDictionary<DateOnly, string> DaysOffWithReasons(IEnumerable<DayOff> daysOff) =>
            daysOff.ToFrozenDictionary(d => d.Date, d => d.Kind switch
            {
                DayOffKind.CompensatoryDayOff => $"Compensatory day off: {d.Name}",
                DayOffKind.SwappedDayOff => $"Swapped day off: {d.Name}",
                _ => $"Public holiday: {d.Name}",
            });
    }
}
