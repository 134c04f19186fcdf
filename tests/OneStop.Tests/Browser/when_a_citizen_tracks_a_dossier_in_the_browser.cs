using Microsoft.Playwright;
using Shouldly;

namespace OneStop.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class when_a_citizen_tracks_a_dossier_in_the_browser(BrowserApp app)
{
    [Fact]
    public async Task the_status_steps_and_appointment_show_without_officer_names_or_the_secret_in_the_address()
    {
        var (code, secret) = await app.AReceivedCounterDossierAsync();
        var page = await app.NewPageAsync();

        await page.GotoAsync("/track");
        await page.GetByLabel("Mã hồ sơ").FillAsync(code);
        await page.GetByLabel("Mã bí mật (in trên giấy tiếp nhận)").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();

        (await page.GetByTestId("status").InnerTextAsync()).ShouldBe("Đã tiếp nhận");
        var text = await page.Locator("main").InnerTextAsync();
        text.ShouldContain("Mã trạng thái quốc gia\n2");
        text.ShouldContain("Cán bộ tiếp nhận, MOTCUA");
        text.ShouldContain("ngày làm việc");
        text.ShouldNotContain("rc-07", Case.Insensitive, "officers' identities stay internal");
        page.Url.ShouldNotContain(secret, Case.Insensitive);
    }

    [Fact]
    public async Task a_supplement_request_shows_what_was_missing_and_when_it_came()
    {
        var (code, secret) = await app.AReceivedCounterDossierAsync(supplemented: true);
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/track?code={code}");
        await page.GetByLabel("Mã bí mật (in trên giấy tiếp nhận)").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();

        var supplements = page.Locator("section", new() { Has = page.GetByText("Yêu cầu bổ sung hồ sơ") });
        var text = await supplements.InnerTextAsync();
        text.ShouldContain("Văn bản quy định quản lý chứng chỉ");
        text.ShouldContain("Đã bổ sung lúc");
    }

    [Fact]
    public async Task the_applicant_sees_who_read_their_personal_data_and_why()
    {
        var (code, secret) = await app.AReceivedCounterDossierAsync(inspectorReads: "Thanh tra định kỳ quý I");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/track?code={code}");
        await page.GetByLabel("Mã bí mật (in trên giấy tiếp nhận)").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();

        var log = await page.GetByTestId("access-log").InnerTextAsync();
        log.ShouldContain("tt-02");
        log.ShouldContain("THANHTRA");
        log.ShouldContain("Thanh tra định kỳ quý I");
    }

    [Fact]
    public async Task an_applicant_whose_data_nobody_read_is_told_so()
    {
        var (code, secret) = await app.AReceivedCounterDossierAsync();
        var page = await app.NewPageAsync(lang: "en");

        await page.GotoAsync($"/track?code={code}");
        await page.GetByLabel("Secret (printed on the receipt)").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Track", Exact = true }).ClickAsync();

        (await page.GetByTestId("access-log").InnerTextAsync()).ShouldBe("No officer has read your personal data.");
    }

    [Fact]
    public async Task a_wrong_secret_says_nothing_about_the_dossier()
    {
        var (code, _) = await app.AReceivedCounterDossierAsync();
        var page = await app.NewPageAsync(lang: "en");

        await page.GotoAsync("/track");
        await page.GetByLabel("Dossier code").FillAsync(code);
        await page.GetByLabel("Secret (printed on the receipt)").FillAsync("AAAAA-AAAAA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Track", Exact = true }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldBe("No dossier matches this code and secret.");
        (await page.GetByTestId("status").CountAsync()).ShouldBe(0);
    }
}
