using System.Globalization;

namespace OneStop.Hosting;

/// <summary>The folder holding PostgreSQL's server programs.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    private const string VersionedRoot = "/usr/lib/postgresql";

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string InitDb => Path.Combine(Directory, "initdb");

    public static PostgresBinaries Find(IReadOnlyList<string>? searchDirectories)
    {
        foreach (var candidate in searchDirectories ?? DefaultSearchDirectories())
        {
            var pgCtl = Path.Combine(candidate, "pg_ctl");
            if (!File.Exists(pgCtl))
                continue;

            // PATH often holds symlinks; initdb and postgres sit beside the real pg_ctl, not beside the link.
            var real = File.ResolveLinkTarget(pgCtl, returnFinalTarget: true)?.FullName ?? pgCtl;
            var directory = Path.GetDirectoryName(Path.GetFullPath(real))!;
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres")))
                return new PostgresBinaries(directory);
        }

        throw new InvalidOperationException(
            "PostgreSQL's server programs (pg_ctl, initdb, postgres) were not found on PATH or under "
            + $"{VersionedRoot}/*/bin: install PostgreSQL (e.g. apt-get install postgresql) "
            + "or set ConnectionStrings__Marten to use an existing server.");
    }

    // PATH first, because putting pg_ctl on PATH is a deliberate choice; then Debian's versioned folders, newest first.
    private static IEnumerable<string> DefaultSearchDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return directory;

        if (!System.IO.Directory.Exists(VersionedRoot))
            yield break;

        var versioned = System.IO.Directory.GetDirectories(VersionedRoot)
            .Select(folder => (Folder: folder, Version: ParseVersion(Path.GetFileName(folder))))
            .OrderByDescending(entry => entry.Version);
        foreach (var (folder, _) in versioned)
            yield return Path.Combine(folder, "bin");
    }

    private static decimal ParseVersion(string name) =>
        decimal.TryParse(name, NumberStyles.Number, CultureInfo.InvariantCulture, out var version) ? version : -1;
}
