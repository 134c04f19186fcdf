using System.Diagnostics;
using System.Globalization;

namespace OneStop.Bench.Commands;

/// <summary>The service as a separate process on loopback, as production runs it (its own memory, own GC).</summary>
public sealed class ServiceProcess(Process process, Uri url) : IAsyncDisposable
{
    public Uri Url { get; } = url;

    public static async Task<(ServiceProcess Service, TimeSpan StartUp)> StartAsync(
        string connectionString,
        string dataDirectory,
        string signingKey,
        int port,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "OneStop.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["OneStop__DataDirectory"] = dataDirectory;
        start.Environment["OneStop__Jwt__SigningKey"] = signingKey;
        start.Environment["Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The service exited with {process.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                    return (new ServiceProcess(process, url), clock.Elapsed);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(25);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The service was not ready within 60 s.");
    }

    /// <summary>Processor time the service has used so far, on every core.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Peak resident memory of the service so far, from /proc.</summary>
    public long PeakRssBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status")
            .FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
            return 0;
        var kilobytes = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
