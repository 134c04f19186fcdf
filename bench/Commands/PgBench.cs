using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Bench.Commands;

/// <summary>PostgreSQL's own TPC-B-like benchmark against the same server: the physical limit beside us.</summary>
public static partial class PgBench
{
    public static string? Find() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Order().Select(d => Path.Combine(d, "bin", "pgbench"))
                .LastOrDefault(File.Exists)
            : null;

    public static async Task InitialiseAsync(string pgbench, int port, string database) =>
        await Run(pgbench, $"-i -q -s 10 -h 127.0.0.1 -p {port} -U postgres {database}");

    public static async Task<double> TransactionsPerSecondAsync(string pgbench, int port, string database, int clients,
        int seconds)
    {
        var threads = Math.Min(clients, Environment.ProcessorCount);
        var output = await Run(pgbench,
            $"-c {clients} -j {threads} -T {seconds} -h 127.0.0.1 -p {port} -U postgres {database}");
        var match = Tps().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static async Task<string> Run(string pgbench, string arguments)
    {
        var start = new ProcessStartInfo(pgbench, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pgbench failed: {errors}");
        return output + errors;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
