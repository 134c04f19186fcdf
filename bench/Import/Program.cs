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
var postmaster = File.ReadLines(Path.Combine(postgres.DataDirectory, "postmaster.pid")).First().Trim();
var (postgresBefore, importBefore) = (ChildrenCpu(postmaster), ChildrenCpu("self"));
using var import = Process.Start(start)!;
var output = await import.StandardOutput.ReadToEndAsync();
await import.WaitForExitAsync();
var importCpu = ChildrenCpu("self") - importBefore;
// The import's connections have closed, so their server processes' time is now in the postmaster's account.
await Task.Delay(500);
var postgresCpu = ChildrenCpu(postmaster) - postgresBefore;
Console.WriteLine($"{Environment.ProcessorCount} cores; PostgreSQL {postgres.Version}, fsync on; " +
    $"{dossiers} dossiers, " +
    "5 events each, hash-chain trigger on, inline dossier view and timeline.");
Console.WriteLine(output.Split('\n').LastOrDefault(l => l.StartsWith("Imported", StringComparison.Ordinal))
    ?? output);
Console.WriteLine($"Processor time: import process {importCpu.TotalSeconds:F1} s, " +
    $"PostgreSQL {postgresCpu.TotalSeconds:F1} s (where the hash trigger runs).");
return import.ExitCode;

// User and system time of a process's exited, reaped children: the import process for this one, the server
// processes that served the import for the postmaster. Fields 16 and 17 of /proc/PID/stat, in 1/100 s.
static TimeSpan ChildrenCpu(string pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture)
        + long.Parse(fields[14], CultureInfo.InvariantCulture);
    return TimeSpan.FromSeconds(ticks / 100.0);
}

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
