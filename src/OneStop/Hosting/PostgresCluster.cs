using System.Diagnostics;
using System.Globalization;

namespace OneStop.Hosting;

/// <summary>One PostgreSQL data folder and the pg_ctl and initdb calls that manage it.</summary>
internal sealed class PostgresCluster(string directory, PostgresBinaries binaries)
{
    private const int DefaultPort = 54329;
    private const int StartAttempts = 3;

    // Tests submit 200 dossiers at once; TCP on loopback only, because every login is trusted.
    private const string Settings = """

        # Added by OneStop's embedded launcher
        max_connections = 200
        shared_buffers = 128MB
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''

        """;

    public string Directory => directory;

    public string LogFile => Path.Combine(directory, "onestop.log");

    private string PidFile => Path.Combine(directory, "postmaster.pid");

    private string PortFile => Path.Combine(directory, "onestop.port");

    public bool IsInitialised => File.Exists(Path.Combine(directory, "PG_VERSION"));

    public async Task InitialiseAsync(bool fsync)
    {
        System.IO.Directory.CreateDirectory(directory);
        if (PostgresCommand.RunsAsRoot)
            await HandOverToPostgresUserAsync();

        List<string> arguments =
            ["-D", directory, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--no-locale"];
        if (!fsync)
            arguments.Add("--no-sync");
        await PostgresCommand.RunCheckedAsync(binaries.InitDb, arguments);

        await File.AppendAllTextAsync(Path.Combine(directory, "postgresql.conf"), Settings);
    }

    /// <summary>The port of a postmaster still running on this folder from an earlier run, if any.</summary>
    public int? RunningPort()
    {
        if (!File.Exists(PidFile))
            return null;

        var lines = File.ReadAllLines(PidFile);
        if (lines.Length > 3
            && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
            && IsPostgres(pid)
            && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port))
            return port;

        // After a reboot or container restart the recorded pid may belong to an unrelated process, and
        // postgres would then refuse to start believing another postmaster owns the folder.
        File.Delete(PidFile);
        return null;
    }

    public async Task<int> StartAsync(int requestedPort, bool persistent, bool fsync)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = requestedPort != 0 ? requestedPort
                : attempt == 1 && persistent ? PreferredPort()
                : LoopbackPort.Free();
            var result = await PostgresCommand.RunAsync(
                binaries.PgCtl,
                ["-D", directory, "-l", LogFile, "-w", "-t", "60", "-o", ServerOptions(port, fsync), "start"]);
            if (result.ExitCode == 0)
            {
                if (persistent)
                    await File.WriteAllTextAsync(PortFile, port.ToString(CultureInfo.InvariantCulture));
                return port;
            }

            // A port found free can be taken before postgres binds it; only a port we chose may be changed.
            if (requestedPort != 0 || attempt == StartAttempts)
                throw new InvalidOperationException(
                    $"PostgreSQL did not start on port {port} in {directory}: {result.Error.Trim()}\n{LogTail()}");
        }
    }

    public async Task StopAsync()
    {
        if (!File.Exists(PidFile))
            return;

        var result = await PostgresCommand.RunAsync(
            binaries.PgCtl, ["-D", directory, "-m", "fast", "-w", "-t", "60", "stop"]);
        if (result.ExitCode != 0 && File.Exists(PidFile) && RunningPort() is not null)
            throw new InvalidOperationException(
                $"PostgreSQL in {directory} did not stop: {result.Error.Trim()}");
    }

    public void Delete()
    {
        if (System.IO.Directory.Exists(directory))
            System.IO.Directory.Delete(directory, recursive: true);
    }

    public string LogTail()
    {
        if (!File.Exists(LogFile))
            return "";
        return string.Join('\n', File.ReadLines(LogFile).TakeLast(20));
    }

    private int PreferredPort()
    {
        var stored = File.Exists(PortFile)
            && int.TryParse(File.ReadAllText(PortFile), CultureInfo.InvariantCulture, out var port)
            ? port
            : DefaultPort;
        return LoopbackPort.IsFree(stored) ? stored : LoopbackPort.Free();
    }

    // pg_ctl hands these to postgres through /bin/sh, so they must hold no spaces or quotes.
    private static string ServerOptions(int port, bool fsync) =>
        fsync
            ? $"-p {port} -c listen_addresses=127.0.0.1"
            : $"-p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";

    private async Task HandOverToPostgresUserAsync()
    {
        await PostgresCommand.RunCheckedAsync("chown", ["postgres", directory], asPostgresUser: false);

        var reachable = await PostgresCommand.RunAsync("test", ["-w", directory, "-a", "-x", directory]);
        if (reachable.ExitCode != 0)
            throw new InvalidOperationException(
                $"PostgreSQL runs as the postgres user, which cannot reach {directory}: every parent folder "
                + "must be traversable by it (folders under /root are not). Choose another folder "
                + "with OneStop:DataDirectory.");
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.ProcessName == "postgres";
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
