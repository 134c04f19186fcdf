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
            // A key left readable by others (copied in by hand, an older version) is closed to them.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & OwnerOnly);
        return File.ReadAllText(path);
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static void Write(string path, string key)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        // Created readable by the owner only: never, even for a moment or after a crash, open to others.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var writer = new StreamWriter(temporary, System.Text.Encoding.UTF8, options))
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
