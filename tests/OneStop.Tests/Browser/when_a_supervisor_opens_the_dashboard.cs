using Microsoft.Playwright;
using Shouldly;

namespace OneStop.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class when_a_supervisor_opens_the_dashboard(BrowserApp app)
{
    [Fact]
    public async Task after_signing_in_with_a_token_the_charts_show_on_time_rates_of_the_demo_history()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/dashboard");
        page.Url.ShouldContain("/signin", Case.Sensitive, "the dashboard needs an officer");
        await page.GetByLabel("Mã đăng nhập (token) do quản trị cấp")
            .FillAsync(app.Token("sv-01", "supervisor", "VANPHONG"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        page.Url.ShouldEndWith("/dashboard");
        foreach (var chart in new[] { "unit-legal", "unit-national", "procedure-legal", "procedure-national" })
        {
            var bars = page.GetByTestId($"chart-{chart}").Locator("rect[class^=s]");
            (await bars.CountAsync()).ShouldBeGreaterThan(2, $"chart {chart} has bars");
            var widths = await bars.EvaluateAllAsync<double[]>("bars => bars.map(b => b.width.baseVal.value)");
            widths.ShouldContain(w => w > 0, $"chart {chart} draws some on-time rate");
        }
        int.Parse(await page.GetByTestId("overdue").Locator("strong").InnerTextAsync())
            .ShouldBeGreaterThanOrEqualTo(0);
        var slowest = page.GetByRole(AriaRole.Heading, new() { Name = "Thủ tục giải quyết chậm nhất" });
        (await slowest.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_reception_officer_is_refused()
    {
        var page = await app.NewPageAsync(app.Token("rc-01", "reception", "MOTCUA"), lang: "en");

        var response = await page.GotoAsync("/dashboard");

        response!.Status.ShouldBe(403);
        (await page.Locator("svg[role=img]").CountAsync()).ShouldBe(0);
    }
}
