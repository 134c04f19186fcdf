using System.Net;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Tests.Fixtures;
using Wolverine;

namespace OneStop.Tests.Browser;

/// <summary>
/// The real service behind Kestrel on a loopback port, because a browser cannot reach Alba's in-memory
/// server. Same settings as <see cref="LedgerApp"/>: its own database and a clock the tests set.
/// </summary>
public sealed class KestrelLedger(string connection, string dataDirectory, TestClock clock, int port)
    : WebApplicationFactory<Program>
{
    public Uri Address { get; } = new($"http://127.0.0.1:{port}");

    protected override void ConfigureWebHost(IWebHostBuilder web)
    {
        JasperFxEnvironment.AutoStartHost = true;
        web.UseSetting("ConnectionStrings:Marten", connection);
        web.UseSetting("OneStop:DataDirectory", dataDirectory);
        web.UseSetting("OneStop:Ledger:CheckpointSeconds", "0");
        web.UseSetting("OneStop:Ledger:SettleSeconds", "0");
        // The stylesheet and script are served from the project's wwwroot.
        web.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "OneStop"));
        web.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.RunWolverineInSoloMode();
        });
    }

    /// <summary>Starts Kestrel on the port (the factory must be told before it builds the host).</summary>
    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        StartServer();
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OneStop.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("The tests run outside the repository: OneStop.sln not found.");
    }
}
