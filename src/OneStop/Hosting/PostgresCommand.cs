using System.Diagnostics;

namespace OneStop.Hosting;

/// <summary>Runs PostgreSQL's command-line programs, as the postgres user when this process is root.</summary>
internal static class PostgresCommand
{
    /// <summary>
    /// PostgreSQL refuses to run as root. On Unix Environment.UserName resolves the effective uid,
    /// so this is the geteuid() == 0 check.
    /// </summary>
    public static bool RunsAsRoot { get; } = !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<CommandResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        bool asPostgresUser = true)
    {
        var impersonate = RunsAsRoot && asPostgresUser;
        var start = new ProcessStartInfo
        {
            FileName = impersonate ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user cannot enter root's working folder, and initdb complains when it cannot.
            WorkingDirectory = "/",
        };
        if (impersonate)
            foreach (var argument in (string[])["-u", "postgres", "--", program])
                start.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not run {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {Timeout.TotalSeconds}s");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }

    public static async Task RunCheckedAsync(
        string program,
        IReadOnlyList<string> arguments,
        bool asPostgresUser = true)
    {
        var result = await RunAsync(program, arguments, asPostgresUser);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed with exit code {result.ExitCode}: {result.Error.Trim()}");
    }
}

/// <summary>What a finished command printed.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error);
