namespace OneStop.Hosting;

/// <summary>Where and how to run a PostgreSQL cluster owned by this process.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>The cluster folder itself (PGDATA), created and initialised when it holds no cluster.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// 0 chooses: a persistent cluster keeps the port of its last run (54329 at first) unless another
    /// process took it; a throwaway cluster takes any free loopback port.
    /// </summary>
    public int Port { get; init; }

    /// <summary>The database <see cref="EmbeddedPostgres.ConnectionString"/> points at; created if missing.</summary>
    public string Database { get; init; } = "onestop";

    /// <summary>Off only for clusters whose data may be lost on a crash.</summary>
    public bool Fsync { get; init; } = true;

    /// <summary>Deletes <see cref="DataDirectory"/> when the cluster stops.</summary>
    public bool Throwaway { get; init; }

    /// <summary>Where to look for pg_ctl, initdb and postgres; null searches PATH, then /usr/lib/postgresql.</summary>
    public IReadOnlyList<string>? SearchDirectories { get; init; }

    /// <summary>How long to wait for the server to accept connections after pg_ctl reports it started.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The service's persistent cluster: <c>{OneStop:DataDirectory or the default}/postgres</c>.</summary>
    public static EmbeddedPostgresOptions ForService(IConfiguration configuration) =>
        new() { DataDirectory = Path.Combine(EmbeddedPostgres.DefaultDataDirectory(configuration), "postgres") };
}
