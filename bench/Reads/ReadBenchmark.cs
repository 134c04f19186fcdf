using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OneStop.Auth;
using OneStop.Bench.Commands;
using OneStop.Hosting;
using OneStop.Tracking;

namespace OneStop.Bench.Reads;

/// <summary>
/// Reads at scale: imports templates through the service's `import` command, lets the service project them,
/// copies their read model rows up to the wanted number of dossiers, then drives citizen tracking and the
/// oversight reads at a fixed rate, open loop, and prints percentiles per endpoint against the targets.
/// </summary>
public static class ReadBenchmark
{
    public static async Task<int> RunAsync(ReadOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("onestop-reads-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        // Reads do not wait on fsync; turning it off only shortens loading.
        await using var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(folder, "postgres"),
            Throwaway = true,
            Fsync = false,
        });
        var ledger = await postgres.CreateDatabaseAsync("ledger");
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OneStop:Jwt:SigningKey"] = key }).Build();
        var tokens = new TokenIssuer(SigningKey.From(configuration, folder));
        // One client sends every citizen's requests here, so the per-client tracking limit is lifted.
        var settings = new Dictionary<string, string>
        {
            ["OneStop__Tracking__PerClient"] = "100000000",
            ["OneStop__Tracking__PerCode"] = "100000000",
        };
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, " +
            $".NET {Environment.Version}; PostgreSQL {postgres.Version} on the same machine (fsync off).");

        var clock = Stopwatch.StartNew();
        await ImportTemplatesAsync(options.Templates, ledger, folder);
        Console.WriteLine($"Imported {options.Templates:N0} template dossiers in {clock.Elapsed.TotalSeconds:F0} s");
        var port = FreePort();
        var loader = new Loader(ledger, options.Templates);
        string secret;
        await using (var first = (await ServiceProcess.StartAsync(ledger, folder, key, port, settings)).Service)
        {
            await WaitForFactsAsync(ledger, options.Templates);
            // The service made the receipt secrets' key in its data folder on this first start.
            secret = await loader.AddReceiptSecretsAsync(ReceiptSecretKey.From(configuration, folder));
        }

        var templateCodes = await ScalarsAsync(ledger, "select data->>'code' from onestop.mt_doc_dossierview");
        var unit = (await ScalarsAsync(ledger, "select data->>'holdingUnit' from onestop.mt_doc_dossierview " +
            "where data->>'finishedAt' is null and data->>'receivedAt' is not null " +
            "group by 1 order by count(*) desc limit 1"))[0];
        await loader.CopyAsync(options.Dossiers);

        var (service, startUp) = await ServiceProcess.StartAsync(ledger, folder, key, port, settings);
        await using var _ = service;
        Console.WriteLine($"Start-up to ready with {options.Dossiers:N0} dossiers: {startUp.TotalSeconds:F2} s");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = service.Url,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var kinds = Kinds(options, templateCodes, secret, unit, tokens);
        if (options.HoldMinutes > 0)
        {
            await HoldAsync(options, service.Url, ledger, folder, key, unit, tokens, $"{templateCodes[0]}-1", secret);
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("One request at a time (20 each, after 5 to warm up): each read on an idle service.");
        Console.WriteLine("| Endpoint | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var kind in kinds)
        {
            var alone = await OpenLoop.OneAtATimeAsync(http, kind, 5, 20);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind.Name} | {alone.Percentile(0.5):F1} | {alone.Percentile(0.95):F1} | " +
                $"{alone.Percentile(1):F1} |"));
        }

        // Each read alone at the full rate shows its own cost; then the mix shows them sharing the machine.
        Console.WriteLine();
        Console.WriteLine($"{options.Dossiers:N0} dossiers; {options.Rate} requests/s open loop, " +
            $"{options.Seconds} s per run, median of {options.Repeats} runs; worklist of unit {unit}.");
        Console.WriteLine("| Endpoint | load | requests/run | p50 ms | p95 ms | p99 ms | failed/run | target | met |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var kind in kinds)
            Report([kind], "alone", await RepeatAsync(http, [kind with { Share = 1 }], options));
        Report(kinds, "mix", await RepeatAsync(http, kinds, options));
        Console.WriteLine($"Requests unanswered after {OpenLoop.Timeout.TotalSeconds:F0} s count as failed at " +
            $"{OpenLoop.Timeout.TotalMilliseconds:F0} ms.");
        Console.WriteLine($"Service peak RSS: {service.PeakRssBytes() / 1024.0 / 1024.0:F0} MB");
        await Plans.PrintAsync(ledger, unit);
        return 0;
    }

    private static List<ReadKind> Kinds(ReadOptions options, List<string> codes, string secret, string unit,
        TokenIssuer tokens)
    {
        var copies = options.Dossiers / options.Templates;
        var supervisor = tokens.Issue("sv-bench", Roles.Supervisor, "MOTCUA");
        var head = tokens.Issue("uh-bench", Roles.UnitHead, unit);
        var random = new Random(50);
        return
        [
            new("POST /api/track", 0.5, 20, 0.99, () =>
            {
                int copy, code;
                lock (random)
                    (copy, code) = (random.Next(copies), random.Next(codes.Count));
                var wanted = copy == 0 ? codes[code] : $"{codes[code]}-{copy}";
                return new HttpRequestMessage(HttpMethod.Post, "/api/track")
                {
                    Content = JsonContent.Create(new { code = wanted, secret }),
                };
            }),
            new("GET /api/worklist?limit=500", 0.2, 100, 0.95, () => Get("/api/worklist?limit=500", head)),
            new("GET /api/compliance", 0.15, 100, 0.95, () => Get("/api/compliance", supervisor)),
            new("GET /api/reports/transparency", 0.15, 100, 0.95, () => Get("/api/reports/transparency", null)),
        ];
    }

    /// <summary>Keeps the loaded service up for profiling by hand, until the time is up or the process stops.</summary>
    private static async Task HoldAsync(ReadOptions options, Uri url, string ledger, string folder, string key,
        string unit, TokenIssuer tokens, string code, string secret)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(options.HoldMinutes));
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
        Console.WriteLine($"Holding for {options.HoldMinutes} min (SIGTERM ends it): service {url}");
        Console.WriteLine($"  ConnectionStrings__Marten={ledger}");
        Console.WriteLine($"  OneStop__DataDirectory={folder}  OneStop__Jwt__SigningKey={key}");
        Console.WriteLine($"  unit head of {unit}: {tokens.Issue("uh-bench", Roles.UnitHead, unit)}");
        Console.WriteLine($"  supervisor: {tokens.Issue("sv-bench", Roles.Supervisor, "MOTCUA")}");
        Console.WriteLine($"  tracking: code {code}, secret {secret}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<List<IReadOnlyList<ReadResult>>> RepeatAsync(HttpClient http, List<ReadKind> kinds,
        ReadOptions options)
    {
        var runs = new List<IReadOnlyList<ReadResult>>();
        for (var r = 0; r < options.Repeats; r++)
        {
            runs.Add(await OpenLoop.RunAsync(http, kinds, options.Rate, TimeSpan.FromSeconds(options.Seconds)));
            // Abandoned requests may still hold the service; let it drain so each run starts from rest.
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        return runs;
    }

    private static void Report(List<ReadKind> kinds, string load, List<IReadOnlyList<ReadResult>> runs)
    {
        foreach (var kind in kinds)
        {
            var results = runs.Select(r => r.Single(x => x.Name == kind.Name)).ToList();
            double Median(Func<ReadResult, double> f) => results.Select(f).Order().ElementAt(results.Count / 2);
            var p50 = Median(r => r.Percentile(0.50));
            var p95 = Median(r => r.Percentile(0.95));
            var p99 = Median(r => r.Percentile(0.99));
            var judged = kind.TargetPercentile >= 0.99 ? p99 : p95;
            var share = load == "mix" ? $"mix, {kind.Share:P0}" : load;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind.Name} | {share} | {Median(r => r.LatenciesMs.Count):F0} | {p50:F1} | {p95:F1} | " +
                $"{p99:F1} | {Median(r => r.Failed):F0} | " +
                $"p{kind.TargetPercentile * 100:F0} ≤ {kind.TargetMs} ms | " +
                $"{(judged <= kind.TargetMs ? "yes" : "no")} |"));
        }
    }

    private static async Task ImportTemplatesAsync(int templates, string ledger, string folder)
    {
        var file = Path.Combine(folder, "templates.jsonl");
        await File.WriteAllLinesAsync(file, Templates.Lines(templates, DateTimeOffset.UtcNow));
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "OneStop.dll"), "import", "--file", file, "--batch", "1000"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
        };
        start.Environment["ConnectionStrings__Marten"] = ledger;
        start.Environment["OneStop__DataDirectory"] = folder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var import = Process.Start(start)!;
        var output = await import.StandardOutput.ReadToEndAsync();
        await import.WaitForExitAsync();
        if (import.ExitCode != 0 || output.Contains("line ", StringComparison.Ordinal))
            throw new InvalidOperationException($"The import failed or skipped lines:\n{output}");
    }

    /// <summary>The compliance facts are an async projection: wait until the daemon has caught up.</summary>
    private static async Task WaitForFactsAsync(string ledger, int templates)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(10))
        {
            var facts = await ScalarsAsync(ledger, "select count(*)::text from onestop.mt_doc_dossierfacts");
            if (int.Parse(facts[0], CultureInfo.InvariantCulture) >= templates)
                return;
            await Task.Delay(500);
        }

        throw new TimeoutException("The compliance facts did not catch up within 10 minutes.");
    }

    private static async Task<List<string>> ScalarsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
