using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using OneStop.Auth;
using OneStop.Hosting;

namespace OneStop.Bench.Commands;

/// <summary>
/// Commands over HTTP from 1, 8 and 32 clients, side by side with pgbench and with bare Marten appends on the
/// same PostgreSQL (fsync on), plus start-up time and the service's peak memory. Medians over repeats.
/// </summary>
public static class CommandBenchmark
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("onestop-bench-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        await using var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(folder, "postgres"),
            Throwaway = true,
            Fsync = true,
        });
        var ledger = await postgres.CreateDatabaseAsync("ledger");
        var bare = await postgres.CreateDatabaseAsync("bare");
        await postgres.CreateDatabaseAsync("pgbench");
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        var settings = new Dictionary<string, string?> { ["OneStop:Jwt:SigningKey"] = key };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var tokens = new TokenIssuer(SigningKey.From(configuration, folder));

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, " +
            $".NET {Environment.Version}; " +
            $"PostgreSQL {postgres.Version} on the same machine, fsync on; {options.Seconds} s per run, " +
            $"median of {options.Repeats}.");

        // The first start creates the schema; the start-up figure is the second, on a warm database.
        var port = FreePort();
        await (await ServiceProcess.StartAsync(ledger, folder, key, port)).Service.DisposeAsync();
        var (service, startUp) = await ServiceProcess.StartAsync(ledger, folder, key, port);
        await using var _ = service;
        Console.WriteLine($"Start-up to ready (warm): {startUp.TotalSeconds:F2} s");

        var load = new CommandLoad(service.Url, tokens.Issue("rc-bench", Roles.Reception, "MOTCUA"),
            tokens.Issue("uh-bench", Roles.UnitHead, "UBTCDLCL"), "UBTCDLCL");
        await load.PrepareAsync();
        await load.RunAsync(4, TimeSpan.FromSeconds(5));

        var pgbench = PgBench.Find();
        if (pgbench is not null)
            await PgBench.InitialiseAsync(pgbench, postgres.Port, "pgbench");

        Console.WriteLine();
        Console.WriteLine("| Clients | OneStop commands/s | p50 ms | p95 ms | p99 ms | 409s/s | errors " +
            "| pgbench tps | ratio | bare Marten appends/s | overhead | service CPU ms/command |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var clients in options.Clients)
        {
            var runs = new List<LoadResult>();
            var tps = new List<double>();
            var bareRates = new List<double>();
            var cpu = TimeSpan.Zero;
            for (var r = 0; r < options.Repeats; r++)
            {
                var cpuBefore = service.CpuTime();
                runs.Add(await load.RunAsync(clients, TimeSpan.FromSeconds(options.Seconds)));
                cpu += service.CpuTime() - cpuBefore;
                if (pgbench is not null)
                {
                    tps.Add(await PgBench.TransactionsPerSecondAsync(pgbench, postgres.Port, "pgbench", clients,
                        options.Seconds));
                }
                var duration = TimeSpan.FromSeconds(options.Seconds);
                bareRates.Add(await BareMarten.AppendsPerSecondAsync(bare, clients, duration));
            }

            var median = runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);
            var pg = tps.Count > 0 ? Median(tps) : double.NaN;
            var bareMedian = Median(bareRates);
            var cpuPerCommand = cpu.TotalMilliseconds / runs.Sum(r => r.Succeeded + r.Conflicts + r.Failed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {clients} | {median.PerSecond:F0} | {median.Percentile(0.50):F1} | " +
                $"{median.Percentile(0.95):F1} | " +
                $"{median.Percentile(0.99):F1} | {median.Conflicts / median.Seconds:F1} | {median.Failed} | " +
                $"{pg:F0} | " +
                $"{median.PerSecond / pg:F2} | {bareMedian:F0} | {(1 - (median.PerSecond / bareMedian)) * 100:F0}% | " +
                $"{cpuPerCommand:F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"Service peak RSS: {service.PeakRssBytes() / 1024.0 / 1024.0:F0} MB");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
