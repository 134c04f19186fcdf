using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace OneStop.Exporting;

/// <summary>
/// CSV exports: RFC 4180 (comma, CRLF, quotes doubled inside quoted fields) in UTF-8 with a byte-order
/// mark, without which Excel reads the file as ANSI and mangles Vietnamese diacritics. A cell that a
/// spreadsheet would run as a formula (=, +, -, @ first) is escaped with a leading apostrophe: correlation ids
/// and reasons come from callers.
/// </summary>
public static class CsvExport
{
    public const string MediaType = "text/csv";

    /// <summary>The caller asked for CSV with <c>Accept: text/csv</c> (or <c>?format=csv</c> from a link).</summary>
    public static bool IsWanted(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
        || string.Equals(http.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase);

    public static IResult File<T>(IEnumerable<T> rows, string fileName, ClassMap<T>? map = null) =>
        Results.File(Write(rows, map), MediaType + "; charset=utf-8", fileName);

    public static byte[] Write<T>(IEnumerable<T> rows, ClassMap<T>? map = null)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            InjectionOptions = InjectionOptions.Escape,
        };
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, configuration))
        {
            // Instants in ISO 8601 with their offset, so a reader never guesses the time zone.
            csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset>().Formats = ["O"];
            csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset?>().Formats = ["O"];
            if (map is not null)
                csv.Context.RegisterClassMap(map);
            csv.WriteRecords(rows);
        }
        return buffer.ToArray();
    }
}
