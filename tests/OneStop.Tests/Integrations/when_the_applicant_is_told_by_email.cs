using System.Globalization;
using OneStop.Integrations.Notifications;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>
/// Receipt, supplement request, apology, result ready and result sent each send one e-mail, in the applicant's
/// language, through a real SMTP exchange with a local receiver; each send is recorded.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class when_the_applicant_is_told_by_email : IAsyncLifetime
{
    private SmtpReceiver smtp = null!;
    private IntegrationHost host = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpReceiver.StartAsync();
        host = await IntegrationHost.StartAsync(await TestCluster.NewDatabaseAsync("mail"),
            new TestClock(LedgerApp.Start),
            ("OneStop:Notifications:Smtp:Host", "127.0.0.1"),
            ("OneStop:Notifications:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task each_moment_sends_one_vietnamese_email_with_its_diacritics_and_records_it()
    {
        const string email = "thongbao@anphat.invalid";

        var (id, code) = await NotificationLifecycle.a_dossier_taken_through_every_moment(host, email, "vi");

        var mail = await FiveEmailsTo(email, id);
        mail.Keys.ShouldBe(
        [
            $"Tiếp nhận hồ sơ — {code}",
            $"Yêu cầu bổ sung hồ sơ — {code}",
            $"Thư xin lỗi và hẹn lại — {code}",
            $"Kết quả đã sẵn sàng — {code}",
            $"Đã gửi kết quả — {code}",
        ], ignoreOrder: true);
        mail[$"Tiếp nhận hồ sơ — {code}"]
            .ShouldContain("đã được tiếp nhận. Hẹn trả kết quả: 09:00 11/03/2026.");
        mail[$"Yêu cầu bổ sung hồ sơ — {code}"].ShouldContain(NotificationLifecycle.Missing(host).NameVi);
        mail[$"Thư xin lỗi và hẹn lại — {code}"]
            .ShouldContain($"Lý do: {NotificationLifecycle.DelayReason}. Hẹn lại: 10:00 13/03/2026.");
        mail[$"Kết quả đã sẵn sàng — {code}"]
            .ShouldContain($"Kết quả hồ sơ {code} đã sẵn sàng");
        var tracking = NotificationLifecycle.TrackingNumber;
        mail[$"Đã gửi kết quả — {code}"]
            .ShouldContain($"đã được gửi qua bưu chính, mã vận đơn {tracking}.");
        mail.Values.ShouldAllBe(body => !body.Contains("Dossier"), "one language, the applicant's");
        var records = await NotificationLifecycle.RecordsOf(host, id);
        records.Select(r => r.Template).ShouldBe(Enum.GetValues<NotificationTemplate>(), ignoreOrder: true);
        records.ShouldAllBe(r => r.Channel == "email" && r.Outcome == NotificationOutcome.Sent && r.Attempts == 1);
        records.ShouldAllBe(r => r.DossierCode == code);
    }

    [Fact]
    public async Task an_english_speaking_applicant_gets_the_english_templates()
    {
        const string email = "applicant@example.invalid";

        var (id, code) = await NotificationLifecycle.a_dossier_taken_through_every_moment(host, email, "en");

        var mail = await FiveEmailsTo(email, id);
        mail.Keys.ShouldBe(
        [
            $"Dossier received — {code}", $"Documents needed — {code}", $"Apology and new appointment — {code}",
            $"Result ready — {code}", $"Result sent — {code}",
        ], ignoreOrder: true);
        mail[$"Dossier received — {code}"].ShouldContain("was received. Result promised by 09:00 11/03/2026.");
        mail[$"Documents needed — {code}"].ShouldContain(NotificationLifecycle.Missing(host).NameEn);
        mail[$"Apology and new appointment — {code}"].ShouldContain("New appointment: 10:00 13/03/2026.");
        mail[$"Result sent — {code}"]
            .ShouldContain($"was sent by post, tracking {NotificationLifecycle.TrackingNumber}.");
        mail.Values.ShouldAllBe(body => !body.Contains("Hồ sơ"), "one language, the applicant's");
    }

    [Fact]
    public async Task an_applicant_without_an_email_address_gets_no_email()
    {
        var (id, _) = await host.Submit(email: null);

        await host.Ok(id, "reception", new { version = 1 }, host.Reception);

        await IntegrationHost.Eventually(async () => (await NotificationLifecycle.RecordsOf(host, id)).Count == 1,
            "the receipt's notification was never handled");
        var record = (await NotificationLifecycle.RecordsOf(host, id)).Single();
        (record.Template, record.Outcome).ShouldBe((NotificationTemplate.Received, NotificationOutcome.NoAddress));
        smtp.Messages.ShouldBeEmpty();
    }

    /// <summary>Waits for the five sends to be recorded, then gives each e-mail's body by its subject.</summary>
    private async Task<Dictionary<string, string>> FiveEmailsTo(string email, Guid id)
    {
        await IntegrationHost.Eventually(async () =>
                (await NotificationLifecycle.RecordsOf(host, id)).Count(r => r.Outcome == NotificationOutcome.Sent)
                == 5,
            "five notifications were not all sent", seconds: 120);
        var messages = smtp.To(email);
        messages.Count.ShouldBe(5, "one e-mail per moment, none twice");
        return messages.ToDictionary(m => m.Subject ?? "", m => m.TextBody ?? "");
    }
}
