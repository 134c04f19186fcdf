namespace OneStop.Hosting;

/// <summary>
/// A development key kept in the data folder: made on first start, readable by the service's user only, and
/// the same for every process that shares the folder.
/// </summary>
public static class KeyFile
{
    /// <summary>The key in <paramref name="fileName"/>, written from <paramref name="create"/> if absent.</summary>
    public static string ReadOrCreate(string dataDirectory, string fileName, Func<string> create)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, fileName);
        if (!File.Exists(path))
            Write(path, create());
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
            CloseToOthers(path);
        return File.ReadAllText(path);
    }

    /// <summary>
    /// A key left readable by others (copied in by hand, an older version) is closed to them where this process
    /// may change it; a key it cannot change (another owner, a read-only mount) is the operator's to keep.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CloseToOthers(string path)
    {
        try
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & OwnerOnly);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
        }
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static void Write(string path, string key)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        // Created readable by the owner only: never, even for a moment or after a crash, open to others.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        // No byte-order mark: operators copy keys into environment variables with $(cat file).
        using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(false), options))
            writer.Write(key);
        // Two processes starting at once must end up with one key: the first rename wins.
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
