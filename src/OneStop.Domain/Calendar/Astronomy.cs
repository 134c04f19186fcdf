namespace OneStop.Calendar;

/// <summary>New moons and the sun's longitude, after Meeus, Astronomical Algorithms.</summary>
/// <remarks>
/// Times are Julian days in Universal Time. New moons (ch. 49) are good to about a minute and
/// the sun's longitude (ch. 25) to 0.01°, about 15 minutes of time, which is enough: a lunar
/// date changes only when a new moon or solar term falls that close to local midnight.
/// </remarks>
internal static class Astronomy
{
    const double SynodicMonth = 29.530588861;
    const double FirstNewMoonOf2000 = 2451550.09766;
    const double JulianDayOfDayNumberZero = 1721425.5;

    // (coefficient, power of E, multiples of M, M′ and F) for sin(M·m + M′·m′ + F·f).
    static readonly (double Coefficient, int EPower, int M, int MPrime, int F)[] NewMoonTerms =
    [
        (-0.40720, 0, 0, 1, 0), (0.17241, 1, 1, 0, 0), (0.01608, 0, 0, 2, 0),
        (0.01039, 0, 0, 0, 2), (0.00739, 1, -1, 1, 0), (-0.00514, 1, 1, 1, 0),
        (0.00208, 2, 2, 0, 0), (-0.00111, 0, 0, 1, -2), (-0.00057, 0, 0, 1, 2),
        (0.00056, 1, 1, 2, 0), (-0.00042, 0, 0, 3, 0), (0.00042, 1, 1, 0, 2),
        (0.00038, 1, 1, 0, -2), (-0.00024, 1, -1, 2, 0), (-0.00007, 0, 2, 1, 0),
        (0.00004, 0, 0, 2, -2), (0.00004, 0, 3, 0, 0), (0.00003, 0, 1, 1, -2),
        (0.00003, 0, 0, 2, 2), (-0.00003, 0, 1, 1, 2), (0.00003, 0, -1, 1, 2),
        (-0.00002, 0, -1, 1, -2), (-0.00002, 0, 1, 3, 0), (0.00002, 0, 0, 4, 0),
    ];

    // Planetary arguments A2..A14 (A1 has a T² term): (constant, rate per lunation, coefficient).
    static readonly (double Constant, double Rate, double Coefficient)[] PlanetaryTerms =
    [
        (251.88, 0.016321, 0.000165), (251.83, 26.651886, 0.000164),
        (349.42, 36.412478, 0.000126), (84.66, 18.206239, 0.000110), (141.74, 53.303771, 0.000062),
        (207.14, 2.453732, 0.000060), (154.84, 7.306860, 0.000056), (34.52, 27.261239, 0.000047),
        (207.19, 0.121824, 0.000042), (291.34, 1.844379, 0.000040), (161.72, 24.198154, 0.000037),
        (239.56, 25.513099, 0.000035), (331.55, 3.592518, 0.000023),
    ];

    public static double JulianDayAtMidnight(DateOnly date) =>
        JulianDayOfDayNumberZero + date.DayNumber;

    public static DateOnly LocalDate(double julianDay, double utcOffsetHours) =>
        DateOnly.FromDayNumber(
            (int)Math.Floor(julianDay + utcOffsetHours / 24 - JulianDayOfDayNumberZero));

    /// <summary>An estimate (±1) of the index of the new moon before a Julian day.</summary>
    public static int NewMoonIndexNear(double julianDay) =>
        (int)Math.Floor((julianDay - FirstNewMoonOf2000) / SynodicMonth);

    /// <summary>The instant (Julian day, UT) of new moon k, counted from 6 January 2000.</summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
        var jde = FirstNewMoonOf2000 + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3
            + 0.00000000073 * t4;
        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = Radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        var mPrime = Radians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3
            - 0.000000058 * t4);
        var f = Radians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3
            + 0.000000011 * t4);
        var omega = Radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        foreach (var (coefficient, ePower, mm, mp, ff) in NewMoonTerms)
            jde += coefficient * Math.Pow(e, ePower) * Math.Sin(mm * m + mp * mPrime + ff * f);
        jde -= 0.00017 * Math.Sin(omega);
        foreach (var (constant, rate, coefficient) in PlanetaryTerms)
            jde += coefficient * Math.Sin(Radians(constant + rate * k));
        jde += 0.000325 * Math.Sin(Radians(299.77 + 0.107408 * k - 0.009173 * t2));

        return jde - DeltaTSeconds(2000 + k / 12.3685) / 86400;
    }

    /// <summary>The sun's apparent longitude in degrees [0, 360) at a Julian day (UT).</summary>
    public static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var anomaly = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(anomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * anomaly)
            + 0.000289 * Math.Sin(3 * anomaly);
        var omega = Radians(125.04 - 1934.136 * t);
        return Normalize(meanLongitude + centre - 0.00569 - 0.00478 * Math.Sin(omega));
    }

    /// <summary>TT − UT, approximated by the Espenak–Meeus polynomials.</summary>
    static double DeltaTSeconds(double year)
    {
        if (year < 2050)
        {
            var t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        var u = (year - 1820) / 100;
        return year < 2150 ? -20 + 32 * u * u - 0.5628 * (2150 - year) : -20 + 32 * u * u;
    }

    static double Radians(double degrees) => Normalize(degrees) * Math.PI / 180;

    static double Normalize(double degrees)
    {
        var normalized = degrees % 360;
        return normalized < 0 ? normalized + 360 : normalized;
    }
}
