using OneStop.Pages;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Web;

public sealed class when_pages_are_requested_without_a_browser(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task pages_accept_the_officer_cookie()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/worklist");
            s.WithRequestHeader("Cookie", $"{OfficerCookie.Name}={Reception}");
            s.StatusCodeShouldBe(200);
        });

        (await result.ReadAsTextAsync()).ShouldContain("Danh sách việc · MOTCUA");
    }

    [Fact]
    public async Task the_api_ignores_the_officer_cookie_so_other_sites_cannot_drive_it()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/worklist");
            s.WithRequestHeader("Cookie", $"{OfficerCookie.Name}={Reception}");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task a_form_posted_without_its_antiforgery_token_is_refused()
    {
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["Code"] = "x", ["Secret"] = "y" }).ToUrl("/track");
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task an_officer_page_without_a_token_sends_to_sign_in()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/dashboard");
            s.StatusCodeShouldBe(302);
            s.Header("Location").ShouldHaveValues("/signin?returnUrl=%2Fdashboard");
        });
    }

    [Fact]
    public async Task english_is_a_switch_away_and_remembered()
    {
        var result = await Host.Scenario(s => s.Get.Url("/track?lang=en"));

        (await result.ReadAsTextAsync()).ShouldContain("<h1>Track a dossier</h1>");
        result.Context.Response.Headers.SetCookie.ToString().ShouldContain("lang=en");
    }
}
