namespace OneStop.Calendar;

/// <summary>How a legal time limit is counted.</summary>
public enum TimeUnit
{
    WorkingDays,
    WorkingHours,
    CalendarDays,
    CalendarMonths,
}

/// <summary>A legal time limit: a value in a unit, such as 15 working days.</summary>
public sealed record TimeLimit(int Value, TimeUnit Unit);
