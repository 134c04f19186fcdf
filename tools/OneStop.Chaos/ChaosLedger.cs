using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using OneStop.Auth;
using OneStop.Hosting;

namespace OneStop.Chaos;

/// <summary>
/// The world a reliability run happens in: its own PostgreSQL cluster (so the run may stop and start it), one
/// ledger database, a folder for logs and the services' data, a token key shared by every node, and a stand-in
/// for the national portal that every node sends status changes to.
/// </summary>
public sealed class ChaosLedger : IAsyncDisposable
{
    private readonly string trackingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
    private readonly string key =
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
    private readonly string ledgerKey = LedgerKey();
    private readonly bool keepFolder;

    private ChaosLedger(
        string folder,
        EmbeddedPostgres postgres,
        string connectionString,
        PortalStandIn.PortalStandIn portal,
        bool keepFolder)
    {
        Folder = folder;
        Postgres = postgres;
        Portal = portal;
        ConnectionString = connectionString;
        this.keepFolder = keepFolder;
        var issuer = new TokenIssuer(SigningKey.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OneStop:Jwt:SigningKey"] = key }).Build(),
            folder));
        Reception = issuer.Issue("rc-chaos", Roles.Reception, CommandMix.ReceptionUnit);
        UnitHead = issuer.Issue("uh-chaos", Roles.UnitHead, CommandMix.HandlingUnit);
        Inspector = issuer.Issue("in-chaos", Roles.Inspector, CommandMix.ReceptionUnit);
        Supervisor = issuer.Issue("sv-chaos", Roles.Supervisor, CommandMix.ReceptionUnit);
    }

    public string Folder { get; }
    public EmbeddedPostgres Postgres { get; }
    public PortalStandIn.PortalStandIn Portal { get; }
    public string ConnectionString { get; }

    /// <summary>The driver's own connections: unpooled, so none outlives a database restart it caused.</summary>
    public string DriverConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString)
    {
        Pooling = false,
    }.ConnectionString;
    public string Reception { get; }
    public string UnitHead { get; }
    public string Inspector { get; }
    public string Supervisor { get; }

    public static async Task<ChaosLedger> StartAsync(string name, bool keepFolder = false)
    {
        var folder = Directory.CreateTempSubdirectory($"onestop-{name}-").FullName;
        // Run as root, PostgreSQL runs as the postgres user and must reach its folder inside ours.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(folder, "postgres"),
            Throwaway = true,
            Fsync = true,
        });
        var connection = await postgres.CreateDatabaseAsync("ledger");
        var portal = await PortalStandIn.PortalStandIn.StartAsync();
        return new ChaosLedger(folder, postgres, connection, portal, keepFolder);
    }

    public IEnumerable<(string Key, string Value)> ServiceEnvironment(string node, string clusterMode)
    {
        yield return ("ConnectionStrings__Marten", ConnectionString);
        yield return ("OneStop__DataDirectory", Directory.CreateDirectory(Path.Combine(Folder, node)).FullName);
        // Every node signs tokens and checkpoints with the same keys, as a Balanced deployment must.
        yield return ("OneStop__Jwt__SigningKey", key);
        yield return ("OneStop__Ledger__SigningKey", ledgerKey);
        yield return ("OneStop__Tracking__SecretKey", trackingKey);
        yield return ("OneStop__Cluster__Mode", clusterMode);
        yield return ("OneStop__Cluster__Node", node);
        yield return ("OneStop__Portal__Url", Portal.StatusUrl.ToString());
        // Redeliveries after a kill come within seconds, so the run can wait for them.
        yield return ("OneStop__Integrations__RetryCooldownSeconds", "0.5,1,2");
        yield return ("OneStop__Integrations__RetryScheduleSeconds", "2,5,10");
        yield return ("DOTNET_ENVIRONMENT", "Production");
        yield return ("Logging__LogLevel__Default", "Warning");
        yield return ("Logging__LogLevel__Wolverine", "Information");
        yield return ("Logging__Console__TimestampFormat", "HH:mm:ss.fff ");
    }

    private static string LedgerKey()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(
            System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Postgres.DisposeAsync();
        if (!keepFolder && Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
