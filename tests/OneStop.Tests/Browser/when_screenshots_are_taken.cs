using Marten;
using Microsoft.Playwright;
using OneStop.Projections.Dossiers;
using Shouldly;

namespace OneStop.Tests.Browser;

/// <summary>Runs only when asked (<c>ONESTOP_SCREENSHOTS=1</c>): it rewrites docs/screenshots.</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public const string Variable = "ONESTOP_SCREENSHOTS";

    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"Takes the docs/screenshots pictures; set {Variable}=1 to run.";
    }
}

[Collection(BrowserCollection.Name)]
public sealed class when_screenshots_are_taken(BrowserApp app)
{
    private static readonly string Folder = Path.Combine(KestrelLedger.RepositoryRoot(), "docs", "screenshots");

    [ScreenshotFact]
    public async Task every_page_is_pictured_on_demo_data()
    {
        Directory.CreateDirectory(Folder);
        await app.ProjectedAsync();
        var page = await app.NewPageAsync();
        await Shot(page, "/", "home");
        await Shot(page, "/kiosk?q=chung%20nhan%20dich%20vu", "kiosk-search");
        await Shot(page, "/kiosk?code=G06.TDC.02", "kiosk-procedure");
        foreach (var box in await page.GetByRole(AriaRole.Checkbox).AllAsync())
            await box.CheckAsync();
        await page.GetByLabel("Họ và tên hoặc tên tổ chức").FillAsync("Phạm Thị Minh Khai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        await Save(page, "kiosk-receipt");

        var (code, secret) = await app.AReceivedCounterDossierAsync(supplemented: true);
        await page.GotoAsync($"/track?code={code}");
        await page.GetByLabel("Mã bí mật (in trên giấy tiếp nhận)").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
        await Save(page, "track");
        await page.SetViewportSizeAsync(390, 844);
        await Save(page, "track-phone");
        await page.SetViewportSizeAsync(1280, 900);

        await Shot(page, "/reports", "reports");
        await Shot(page, "/reports?lang=en", "reports-en");
        var officer = await app.NewPageAsync(app.Token("uh-01", "unit-head", await BusiestUnitAsync()));
        await Shot(officer, "/worklist", "worklist");
        await officer.Locator("tbody a").First.ClickAsync();
        await Save(officer, "dossier");
        var supervisor = await app.NewPageAsync(app.Token("sv-01", "supervisor", "VANPHONG"));
        await Shot(supervisor, "/dashboard", "dashboard");
        var inspector = await app.NewPageAsync(app.Token("in-01", "inspector", "THANHTRA"));
        await Shot(inspector, "/audit?Unit=MOTCUA", "audit");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra", Exact = true }).ClickAsync();
        await Save(inspector, "audit-verified");

        Directory.GetFiles(Folder, "*.png").Length.ShouldBeGreaterThanOrEqualTo(13);
    }

    private static async Task Shot(IPage page, string path, string name)
    {
        await page.GotoAsync(path);
        await Save(page, name);
    }

    private static Task Save(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private async Task<string> BusiestUnitAsync()
    {
        await using var session = app.Store.QuerySession();
        var held = await session.Query<DossierView>().Where(v => v.FinishedAt == null && v.ReceivedAt != null)
            .Select(v => v.HoldingUnit).ToListAsync();
        return held.GroupBy(u => u).OrderByDescending(g => g.Count()).First().Key;
    }
}
