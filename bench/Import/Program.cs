using System.Diagnostics;
using System.Globalization;
using OneStop.Hosting;

// Bulk import of historical dossiers through the service's own `import` command, hash chain included, into a
// throwaway PostgreSQL with fsync on. Usage: dotnet run -c Release --project bench/Import -- [dossiers=50000]
var dossiers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var folder = Directory.CreateTempSubdirectory("onestop-import-").FullName;
if (!OperatingSystem.IsWindows())
    File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
await using var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
{
    DataDirectory = Path.Combine(folder, "postgres"),
    Throwaway = true,
    Fsync = true,
});
var file = Path.Combine(folder, "history.jsonl");
await File.WriteAllLinesAsync(file, Enumerable.Range(1, dossiers).Select(Line));

var start = new ProcessStartInfo("dotnet",
    [Path.Combine(AppContext.BaseDirectory, "OneStop.dll"), "import", "--file", file, "--batch", "1000"])
{
    WorkingDirectory = AppContext.BaseDirectory,
    RedirectStandardOutput = true,
};
start.Environment["ConnectionStrings__Marten"] = postgres.ConnectionString;
start.Environment["OneStop__DataDirectory"] = folder;
start.Environment["Logging__LogLevel__Default"] = "Warning";
using var import = Process.Start(start)!;
var output = await import.StandardOutput.ReadToEndAsync();
await import.WaitForExitAsync();
Console.WriteLine($"{Environment.ProcessorCount} cores; PostgreSQL {postgres.Version}, fsync on; " +
    $"{dossiers} dossiers, " +
    "5 events each, hash-chain trigger on, inline dossier view and timeline.");
Console.WriteLine(output.Split('\n').LastOrDefault(l => l.StartsWith("Imported", StringComparison.Ordinal))
    ?? output);
return import.ExitCode;

static string Line(int n)
{
    var day = new DateTimeOffset(2025, 1, 2, 8, 0, 0, TimeSpan.FromHours(7)).AddDays(n % 300);
    var code = string.Create(CultureInfo.InvariantCulture, $"000.00.00.G05-{day:yyMMdd}-{n:D6}");
    // Instants use the round-trip format, which no culture changes.
    return
        $"{{\"code\":\"{code}\",\"procedureCode\":\"G06.TDC.02\",\"channel\":\"counter\"," +
        "\"applicant\":{\"kind\":\"enterprise\",\"name\":\"Công ty Lịch sử\"}," +
        $"\"submittedAt\":\"{day:O}\",\"receivedAt\":\"{day.AddMinutes(10):O}\"," +
        $"\"appointment\":\"{day.AddDays(9):O}\",\"handedOverAt\":\"{day.AddHours(2):O}\"," +
        $"\"outcome\":\"approved\",\"decidedAt\":\"{day.AddDays(5):O}\"," +
        $"\"returnedAt\":\"{day.AddDays(6):O}\",\"returnMethod\":\"counter\"}}";
}
