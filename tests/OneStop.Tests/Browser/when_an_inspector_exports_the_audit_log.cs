using System.Text;
using Marten;
using Microsoft.Playwright;
using OneStop.Projections.Dossiers;
using Shouldly;

namespace OneStop.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class when_an_inspector_exports_the_audit_log(BrowserApp app)
{
    [Fact]
    public async Task the_csv_download_holds_the_filtered_rows()
    {
        await app.ProjectedAsync();
        var page = await app.NewPageAsync(app.Token("in-01", "inspector", "THANHTRA"));
        await page.GotoAsync("/audit");
        await page.GetByLabel("Đơn vị").FillAsync("MOTCUA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var shown = await page.Locator("tbody tr").CountAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());

        download.SuggestedFilename.ShouldBe("audit.csv");
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!))
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Sequence,");
        lines.Skip(1).ShouldNotBeEmpty();
        lines.Skip(1).ShouldAllBe(line => line.Contains(",MOTCUA,"));
        (lines.Length - 1).ShouldBeGreaterThanOrEqualTo(shown, "the export is not limited to the page shown");
    }

    [Fact]
    public async Task verifying_the_ledger_finds_it_intact()
    {
        var page = await app.NewPageAsync(app.Token("in-01", "inspector", "THANHTRA"), lang: "en");
        await page.GotoAsync("/audit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();

        (await page.GetByTestId("verification").InnerTextAsync()).ShouldContain("The ledger is intact.");
    }

    [Fact]
    public async Task verifying_one_dossier_names_it_intact()
    {
        await using var session = app.Store.QuerySession();
        var code = (await session.Query<DossierView>().FirstAsync()).Code;
        var page = await app.NewPageAsync(app.Token("in-01", "inspector", "THANHTRA"), lang: "en");
        await page.GotoAsync("/audit");

        await page.GetByLabel("Dossier code (empty: the whole ledger)").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();

        (await page.GetByTestId("verification").InnerTextAsync()).ShouldStartWith($"{code}: intact");
    }
}
