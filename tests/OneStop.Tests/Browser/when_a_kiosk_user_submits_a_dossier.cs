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
}
