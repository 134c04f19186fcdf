using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Hosting;

/// <summary>Short-lived clusters in the temp folder, and the cleanup of those whose process died.</summary>
internal static partial class ThrowawayClusters
{
    private const string Prefix = "onestop-pg-";
    private const string OwnerFile = "onestop.owner";

    public static async Task<EmbeddedPostgres> StartAsync(string name, ILogger? logger)
    {
        // The postgres user must traverse every parent folder, and a TMPDIR under /root would not allow it.
        var root = PostgresCommand.RunsAsRoot ? "/tmp" : Path.GetTempPath();
        var safeName = Unsafe().Replace(name.ToLowerInvariant(), "_");
        safeName = safeName[..Math.Min(safeName.Length, 40)];
        await RemoveOrphansAsync(root);

        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(root, $"{Prefix}{safeName}-{Guid.NewGuid().ToString("N")[..8]}"),
            Database = safeName.Length > 0 ? safeName : "onestop",
            Fsync = false,
            Throwaway = true,
        };
        EmbeddedPostgres postgres;
        try
        {
            postgres = await EmbeddedPostgres.StartAsync(options, logger);
        }
        catch
        {
            if (Directory.Exists(options.DataDirectory))
                Directory.Delete(options.DataDirectory, recursive: true);
            throw;
        }

        await File.WriteAllTextAsync(
            Path.Combine(postgres.DataDirectory, OwnerFile),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return postgres;
    }

    // A test run killed before ProcessExit leaves its postmaster running; the next run stops and deletes it.
    private static async Task RemoveOrphansAsync(string root)
    {
        foreach (var directory in Directory.EnumerateDirectories(root, Prefix + "*"))
        {
            var ownerFile = Path.Combine(directory, OwnerFile);
            if (!File.Exists(ownerFile)
                || !int.TryParse(File.ReadAllText(ownerFile), CultureInfo.InvariantCulture, out var owner)
                || IsAlive(owner))
                continue;

            try
            {
                var cluster = new PostgresCluster(directory, PostgresBinaries.Find(null));
                await cluster.StopAsync();
                cluster.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another run may be removing it at the same moment; leaving it costs only disk space.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex Unsafe();
}
