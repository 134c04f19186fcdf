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
        return File.ReadAllText(path);
    }

    private static void Write(string path, string key)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, key);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
