using System.Globalization;

namespace OneStop.Tests.Calendar;

/// <summary>Instants written as Vietnamese local time, the way the cases and regulations read.</summary>
internal static class Local
{
    public static DateTimeOffset At(string localDateTime) =>
        DateTimeOffset.Parse($"{localDateTime} +07:00", CultureInfo.InvariantCulture);

    public static DateOnly Date(string date) =>
        DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
