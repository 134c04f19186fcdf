using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Seeding;
using OneStop.Tests.Fixtures;

namespace OneStop.Tests.Browser;

/// <summary>
/// The service on Kestrel with a few weeks of demo history played through the real handlers, and Debian's
/// Chromium driven by Playwright. Shared by every browser test; each test opens its own browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>The seeded history ends here: Friday 13 March 2026, 10:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 13, 10, 0, 0, TimeSpan.FromHours(7));

    private KestrelLedger? ledger;
    private IPlaywright? playwright;

    public TestClock Clock { get; } = new(Now);
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("onestop-browser-").FullName;
    public Uri Address => ledger!.Address;
    public IServiceProvider Services => ledger!.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = await DebianChromium.EnsureInstalledAsync();
        var connection = await TestCluster.NewDatabaseAsync("browser");
        ledger = new KestrelLedger(connection, DataDirectory, Clock, FreeLoopbackPort());
        ledger.Start();

        await SeedAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await DebianChromium.LaunchAsync(playwright, chromium);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        if (ledger is not null)
            await ledger.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    public string Token(string officer, string role, string unit) =>
        Services.GetRequiredService<TokenIssuer>().Issue(officer, role, unit);

    /// <summary>A browser context whose pages open on the service, in the language asked.</summary>
    public async Task<IPage> NewPageAsync(string? token = null, string lang = "vi")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            Locale = lang == "vi" ? "vi-VN" : "en-GB",
        });
        var url = Address.ToString();
        var cookies = new List<Microsoft.Playwright.Cookie> { new() { Name = "lang", Value = lang, Url = url } };
        if (token is not null)
            cookies.Add(new Microsoft.Playwright.Cookie { Name = "onestop_token", Value = token, Url = url });
        await context.AddCookiesAsync(cookies);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Entered at the counter and received through the JSON API on the same Kestrel server; optionally with one
    /// component missing at first, asked for and supplied; optionally with the applicant's personal data read
    /// afterwards by an inspector giving the reason.
    /// </summary>
    public async Task<(string Code, string Secret)> AReceivedCounterDossierAsync(
        bool supplemented = false,
        string? inspectorReads = null)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", Token("rc-07", "reception", "MOTCUA"));
        string[] components = supplemented ? ["C01", "C02", "C03", "C04"] : ["C01", "C02", "C03", "C04", "C05"];
        var receipt = await PostAsync(http, "/api/dossiers", new
        {
            procedureCode = "G06.TDC.02",
            channel = "Counter",
            applicant = new { kind = "Citizen", name = "Trần Thị Tra Cứu" },
            components,
        });
        var id = receipt.GetProperty("id").GetGuid();
        var version = 1;
        if (supplemented)
        {
            await PostAsync(http, $"/api/dossiers/{id}/supplement-requests",
                new { version = 1, missing = new[] { "C05" }, reason = "Thiếu văn bản quy định quản lý" });
            await PostAsync(http, $"/api/dossiers/{id}/supplements", new { version = 2, components = new[] { "C05" } });
            version = 3;
        }

        await PostAsync(http, $"/api/dossiers/{id}/reception", new { version });
        if (inspectorReads is not null)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get,
                $"/api/dossiers/{id}/applicant?reason={Uri.EscapeDataString(inspectorReads)}");
            read.Headers.Authorization =
                new AuthenticationHeaderValue("Bearer", Token("tt-02", "inspector", "THANHTRA"));
            (await http.SendAsync(read)).EnsureSuccessStatusCode();
        }

        return (receipt.GetProperty("code").GetString()!, receipt.GetProperty("lookupSecret").GetString()!);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Async projections (compliance facts, audit rows) trail the appends.</summary>
    public Task ProjectedAsync() =>
        Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Store, TimeSpan.FromSeconds(60));

    private async Task SeedAsync()
    {
        var history = new DemoHistory(Store, Services.GetRequiredService<DossierCommandRunner>(),
            Services.GetRequiredService<ProcedureCatalogue>(), WorkingCalendar.Vietnam, seed: 7);
        await history.PlayAsync(Now.AddDays(-40), Now, perDay: 6, new Progress<(DateOnly, int)>(),
            CancellationToken.None);
        await ProjectedAsync();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
