using System.Diagnostics;
using System.Globalization;

namespace OneStop.Chaos;

/// <summary>
/// One service process on a loopback port, started from the built OneStop.dll beside this program, killed
/// with SIGKILL (no shutdown hooks, no flush) when the run says so. Its output goes to a log file.
/// </summary>
public sealed class ServiceNode(ChaosLedger ledger, string name, int port, string clusterMode) : IAsyncDisposable
{
    private Process? process;
    private StreamWriter? log;

    public string Name => name;
    public Uri Url { get; } = new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    public bool Running => process is { HasExited: false };
    public int Starts { get; private set; }

    public async Task<TimeSpan> StartAsync(TimeSpan? timeout = null)
    {
        if (Running)
            throw new InvalidOperationException($"{name} is already running");
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "OneStop.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A pipe the driver holds open: the node never shares (or sees the end of) the driver's own stdin.
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in ledger.ServiceEnvironment(name, clusterMode))
            start.Environment[key] = value;
        start.Environment["Urls"] = Url.ToString().TrimEnd('/');

        log ??= new StreamWriter(Path.Combine(ledger.Folder, $"{name}.log"), append: true) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Starts++;
        var writer = log;
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        // A start compiles Marten's and Wolverine's generated code: a minute or more on a busy two-core machine.
        var limit = timeout ?? TimeSpan.FromSeconds(240);
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"{name} exited with {process.ExitCode} while starting; see {ledger.Folder}/{name}.log");
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                    return clock.Elapsed;
            }
            catch (Exception e) when (Transport.Lost(e))
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        await KillAsync();
        throw new TimeoutException($"{name} was not ready within {limit.TotalSeconds} s");
    }

    /// <summary>SIGKILL: the process gets no chance to finish requests, commit, or release anything.</summary>
    public async Task KillAsync()
    {
        if (process is null)
            return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        process = null;
        log?.WriteLine($"---- {DateTimeOffset.Now:O} killed with SIGKILL by the chaos driver ----");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (log is not null)
            await log.DisposeAsync();
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
            return;
        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The run is over; late output is dropped.
            }
        }
    }
}
