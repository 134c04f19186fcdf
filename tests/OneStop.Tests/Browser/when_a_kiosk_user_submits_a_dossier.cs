using Marten;
using Microsoft.Playwright;
using OneStop.Dossiers;
using OneStop.Projections.Dossiers;
using Shouldly;

namespace OneStop.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class when_a_kiosk_user_submits_a_dossier(BrowserApp app)
{
    [Fact]
    public async Task a_procedure_found_without_diacritics_is_submitted_and_the_receipt_has_a_qr_code()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/kiosk");

        var search = page.GetByLabel("Tìm thủ tục (gõ có dấu hoặc không dấu)");
        await search.FillAsync("giay chung nhan dang ky cung cap dich vu kiem dinh");
        await search.PressAsync("Enter");
        await page.WaitForURLAsync("**/kiosk?q=*");
        var found = new PageGetByRoleOptions { Name = "Cấp Giấy chứng nhận đăng ký cung cấp dịch vụ" };
        await page.GetByRole(AriaRole.Link, found).ClickAsync();
        (await page.GetByTestId("promise").InnerTextAsync()).ShouldNotBe("—");
        foreach (var box in await page.GetByRole(AriaRole.Checkbox).AllAsync())
            await box.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra thành phần" }).ClickAsync();
        (await page.GetByTestId("checklist").InnerTextAsync()).ShouldBe("Đủ giấy tờ bắt buộc.");
        await page.GetByLabel("Họ và tên hoặc tên tổ chức").FillAsync("Lê Văn Ki-ốt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

        var code = await page.GetByTestId("receipt-code").InnerTextAsync();
        (await page.GetByTestId("receipt-secret").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator(".qr svg").CountAsync()).ShouldBe(1);
        (await page.Locator("main").InnerHTMLAsync()).ShouldNotContain("style=", Case.Sensitive,
            "a 'self'-only content security policy refuses inline styles, in the QR code's SVG too");
        await using var session = app.Store.QuerySession();
        var dossier = await session.Query<DossierView>().SingleAsync(v => v.Code == code);
        dossier.Channel.ShouldBe(Channel.Kiosk);
        dossier.ProcedureCode.ShouldBe("G06.TDC.02");
        dossier.Components.ShouldAllBe(c => c.Provided);
    }

    [Fact]
    public async Task posting_the_same_form_again_shows_the_first_receipt_and_submits_nothing_more()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/kiosk?code=G06.TDC.02");
        foreach (var box in await page.GetByRole(AriaRole.Checkbox).AllAsync())
            await box.CheckAsync();
        await page.GetByLabel("Họ và tên hoặc tên tổ chức").FillAsync("Trần Thị Gửi-Lại");
        var form = new Dictionary<string, string>();
        foreach (var field in new[] { "SubmissionKey", "__RequestVerificationToken", "Code", "Name", "Kind" })
            form[field] = await page.Locator($"[name='{field}']").First.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        var code = await page.GetByTestId("receipt-code").InnerTextAsync();
        var secret = await page.GetByTestId("receipt-secret").InnerTextAsync();

        // What a reload or a second click sends: the very same form, with the same cookies.
        var multipart = page.APIRequest.CreateFormData();
        foreach (var (name, value) in form)
            multipart.Append(name, value);
        foreach (var box in new[] { "C01", "C02", "C03", "C04", "C05" })
            multipart.Append("Have", box);
        await using var session = app.Store.QuerySession();
        var before = await session.Query<DossierView>().CountAsync();
        var again = await page.APIRequest.PostAsync("/kiosk?handler=Submit", new() { Form = multipart });

        again.Status.ShouldBe(200);
        var html = await again.TextAsync();
        html.ShouldContain(code, Case.Sensitive, "the second post shows the first receipt");
        html.ShouldContain(secret, Case.Sensitive, "the first receipt's secret is shown again to the same form");
        (await session.Query<DossierView>().CountAsync()).ShouldBe(before, "the second post submitted nothing");
    }
}
