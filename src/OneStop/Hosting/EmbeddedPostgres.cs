using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace OneStop.Hosting;

/// <summary>A PostgreSQL server that this process starts from the locally installed binaries and stops again.</summary>
/// <remarks>
/// LIMITATION: every login on 127.0.0.1 is trusted without a password, so any local user or process can
/// connect as the superuser. This suits a developer machine or a single-purpose host; on a shared machine
/// set ConnectionStrings__Marten to a password-protected server instead.
/// </remarks>
public sealed partial class EmbeddedPostgres : IAsyncDisposable, IDisposable
{
    private readonly PostgresCluster cluster;
    private readonly EmbeddedPostgresOptions options;
    private readonly ILogger? logger;
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, bool> handedOut = new();
    private Task? stopping;

    /// <summary>
    /// False when the server was already running (another process on the same data folder started it): this
    /// process then leaves it running on exit, so a second instance cannot pull the database from under the first.
    /// </summary>
    public bool StartedHere { get; private set; } = true;

    private EmbeddedPostgres(
        PostgresCluster cluster,
        EmbeddedPostgresOptions options,
        int port,
        ILogger? logger)
    {
        this.cluster = cluster;
        this.options = options;
        this.logger = logger;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int Port { get; }

    public string DataDirectory => cluster.Directory;

    /// <summary>The server's version, as PostgreSQL reports it.</summary>
    public string Version { get; private set; } = "";

    /// <summary>Points at <see cref="EmbeddedPostgresOptions.Database"/>; no password, still never log it.</summary>
    public string ConnectionString => ConnectionStringFor(options.Database);

    private string AdminConnectionString =>
        new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false }.ConnectionString;

    /// <summary>Blocking start, for use before the host is built.</summary>
    public static EmbeddedPostgres Start(EmbeddedPostgresOptions options, ILogger? logger = null) =>
        StartAsync(options, logger).GetAwaiter().GetResult();

    public static async Task<EmbeddedPostgres> StartAsync(
        EmbeddedPostgresOptions options,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find(options.SearchDirectories);
        var cluster = new PostgresCluster(Path.GetFullPath(options.DataDirectory), binaries);
        if (!cluster.IsInitialised)
        {
            logger?.LogInformation("Initialising a PostgreSQL cluster in {DataDirectory}", cluster.Directory);
            await cluster.InitialiseAsync(options.Fsync);
        }

        var reused = cluster.RunningPort();
        var port = reused ?? await cluster.StartAsync(options.Port, !options.Throwaway, options.Fsync);
        var postgres = new EmbeddedPostgres(cluster, options, port, logger) { StartedHere = reused is null };
        try
        {
            await postgres.WaitUntilAcceptingAsync(cancellationToken);
            await postgres.CreateDatabaseAsync(options.Database, cancellationToken);
        }
        catch
        {
            await postgres.StopAsync();
            throw;
        }

        logger?.LogInformation(
            reused is null
                ? "Embedded PostgreSQL {Version} started on port {Port} in {DataDirectory}"
                : "Embedded PostgreSQL {Version} already running on port {Port} in {DataDirectory}",
            postgres.Version,
            port,
            cluster.Directory);
        return postgres;
    }

    /// <summary>
    /// A cluster in a fresh folder under the temp folder, without fsync, deleted when stopped: one per test run.
    /// </summary>
    public static Task<EmbeddedPostgres> StartThrowawayAsync(string name, ILogger? logger = null) =>
        ThrowawayClusters.StartAsync(name, logger);

    /// <summary>
    /// OneStop:DataDirectory if configured, else /var/lib/onestop for root (postgres cannot reach /root),
    /// else $XDG_DATA_HOME/onestop or ~/.local/share/onestop. Created if missing.
    /// </summary>
    public static string DefaultDataDirectory(IConfiguration? configuration = null)
    {
        var configured = configuration?["OneStop:DataDirectory"];
        var directory = !string.IsNullOrWhiteSpace(configured) ? configured
            : PostgresCommand.RunsAsRoot ? "/var/lib/onestop"
            : Path.Combine(
                Environment.GetFolderPath(
                    Environment.SpecialFolder.LocalApplicationData,
                    Environment.SpecialFolderOption.DoNotVerify),
                "onestop");
        return Directory.CreateDirectory(Path.GetFullPath(directory)).FullName;
    }

    /// <summary>Creates the database unless it exists, and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException(
                $"Database name '{name}' must be 1 to 63 letters, digits, '_' or '-'", nameof(name));

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = name } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            try
            {
                // The name is checked against DatabaseName() above; identifiers cannot be parameters.
                await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase
                                                  or PostgresErrorCodes.UniqueViolation)
            {
                // Another caller created it between our check and our create.
            }
        }

        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
        }.ConnectionString;
        handedOut.TryAdd(connectionString, true);
        return connectionString;
    }

    /// <summary>Fast shutdown; a throwaway cluster's folder is deleted too. Later calls wait for the first.</summary>
    public Task StopAsync()
    {
        lock (gate)
            return stopping ??= StopOnceAsync();
    }

    public void Stop() => StopAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Stops the server (fast shutdown: sessions are cut) but keeps its folder, as an outage would. Connection
    /// pools are left as they are: recovering from the dead connections is the clients' job. Reliability runs.
    /// </summary>
    public Task PauseAsync() => cluster.StopAsync();

    /// <summary>Starts a paused server again on the same port and waits until it accepts connections.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        await cluster.StartAsync(Port, !options.Throwaway, options.Fsync);
        await WaitUntilAcceptingAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public void Dispose() => Stop();

    private async Task StopOnceAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (!StartedHere)
        {
            logger?.LogInformation("Embedded PostgreSQL on port {Port} left running for the process that started it",
                Port);
            return;
        }

        await cluster.StopAsync();
        if (options.Throwaway)
            cluster.Delete();

        // Pooled connections died with the server; a restart on the same port must not be handed them.
        foreach (var connectionString in handedOut.Keys)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        logger?.LogInformation("Embedded PostgreSQL on port {Port} stopped", Port);
    }

    // Fallback for when nobody disposes us (a test run ending, Ctrl+C before the host was built). The test
    // runner kills its host soon after the last test, possibly mid-delete: ThrowawayClusters sweeps leftovers.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            Stop();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException)
        {
            // The process is exiting; there is nobody left to tell.
        }
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync(cancellationToken);
                Version = connection.PostgreSqlVersion.ToString();
                return;
            }
            catch (NpgsqlException e)
            {
                if (waited.Elapsed > options.StartTimeout)
                    throw new InvalidOperationException(
                        $"PostgreSQL on port {Port} did not accept connections within "
                        + $"{options.StartTimeout.TotalSeconds}s; see {cluster.LogFile}",
                        e);
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,63}$")]
    private static partial Regex DatabaseName();
}
