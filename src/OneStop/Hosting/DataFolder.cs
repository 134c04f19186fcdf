namespace OneStop.Hosting;

/// <summary>The folder for the embedded cluster and development keys, kept across restarts.</summary>
public static class DataFolder
{
    public static string Resolve(IConfiguration configuration)
    {
        var folder = EmbeddedPostgres.DefaultDataDirectory(configuration);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
