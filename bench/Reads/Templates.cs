using System.Globalization;
using System.Text.Json;
using OneStop.Catalogue;

namespace OneStop.Bench.Reads;

/// <summary>
/// Historical dossiers for the `import` command, spread evenly over the three years up to today across the
/// catalogue's procedures: most returned (some late), some refused or withdrawn, the last weeks' still in
/// progress. Each becomes a template that the loader copies under new ids and codes.
/// </summary>
public static class Templates
{
    public const string Agency = "000.00.00.G06";
    public const int SpanDays = 3 * 365;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static IEnumerable<string> Lines(int count, DateTimeOffset now)
    {
        var procedures = ProcedureCatalogue.Load().Procedures.Where(p => p.TimeLimit is not null).ToList();
        var today = now.ToOffset(Vietnam).Date;
        for (var n = 0; n < count; n++)
        {
            var ageDays = (int)((long)n * SpanDays / count);
            var submitted = new DateTimeOffset(today.AddDays(-ageDays), Vietnam).AddHours(8 + (n % 8));
            yield return Line(n, procedures[n % procedures.Count].Id, submitted, ageDays);
        }
    }

    private static string Line(int n, string procedure, DateTimeOffset submitted, int ageDays)
    {
        var received = submitted.AddMinutes(10);
        var line = new Dictionary<string, object?>
        {
            ["code"] = string.Create(CultureInfo.InvariantCulture, $"{Agency}-{submitted:yyMMdd}-{n:D5}"),
            ["procedureCode"] = procedure,
            ["channel"] = (n % 4) switch { 0 => "online", 1 => "postal", _ => "counter" },
            ["applicant"] = new { kind = "enterprise", name = "Công ty Lịch sử" },
            ["submittedAt"] = submitted,
        };
        if (n % 20 == 0)
        {
            line["refusedAt"] = received;
            return JsonSerializer.Serialize(line);
        }

        line["receivedAt"] = received;
        line["appointment"] = submitted.AddDays(10);
        line["handedOverAt"] = submitted.AddHours(2);
        var days = 3 + (n % 12);
        if (ageDays <= days + 1)
            return JsonSerializer.Serialize(line);
        if (n % 33 == 0)
        {
            line["withdrawnAt"] = submitted.AddDays(2);
            return JsonSerializer.Serialize(line);
        }

        line["outcome"] = n % 9 == 0 ? "rejected" : "approved";
        line["decidedAt"] = submitted.AddDays(days);
        line["returnedAt"] = submitted.AddDays(days + 1);
        line["returnMethod"] = n % 3 == 0 ? "postal" : "counter";
        return JsonSerializer.Serialize(line);
    }
}
