namespace OneStop.Pages;

/// <summary>One coloured set of bars: one value per category, null where there is nothing to show.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A horizontal grouped bar chart drawn on the server as inline SVG: no script, readable without colour
/// (each bar carries its value), and backed by a data table for screen readers.
/// </summary>
public sealed record BarChart(
    string Id,
    string Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<BarSeries> Series,
    double Max,
    Func<double?, string> Format)
{
    public const int Width = 520;
    public const int LabelWidth = 110;
    public const int ValueWidth = 56;
    public const int BarHeight = 14;
    public const int Gap = 10;
    public const int Top = 20;

    public int PlotWidth => Width - LabelWidth - ValueWidth;
    public int GroupHeight => (Series.Count * BarHeight) + Gap;
    public int Height => Top + (Categories.Count * GroupHeight) + 6;

    public double BarLength(double? value) =>
        value is { } v && Max > 0 ? Math.Round(Math.Clamp(v / Max, 0, 1) * PlotWidth, 1) : 0;

    public int BarTop(int category, int series) => Top + (category * GroupHeight) + (series * BarHeight);

    /// <summary>The grid lines: quarters of the scale.</summary>
    public IEnumerable<(double X, string Label)> Ticks() =>
        Enumerable.Range(0, 5).Select(i => (LabelWidth + (PlotWidth * i / 4.0), Format(Max * i / 4)));

    /// <summary>A round top of the scale for counts: 1, 2 or 5 times a power of ten.</summary>
    public static double NiceMax(double largest)
    {
        if (largest <= 1)
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(m => m >= largest);
    }

    /// <summary>SVG coordinates in invariant digits, whatever the page's language.</summary>
    public static string N(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A category label short enough for the label column; the full name stays in the table.</summary>
    public static string Short(string label) => label.Length <= 16 ? label : label[..15] + "…";
}
