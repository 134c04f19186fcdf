using OneStop.Integrations.Notifications;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>The SMS gateway path: the same moments as e-mail, posted to a local gateway stand-in.</summary>
[Collection(LedgerCollection.Name)]
public sealed class when_the_applicant_is_told_by_sms : IAsyncLifetime
{
    private SmsReceiver gateway = null!;
    private IntegrationHost host = null!;

    public async Task InitializeAsync()
    {
        gateway = await SmsReceiver.StartAsync();
        host = await IntegrationHost.StartAsync(await TestCluster.NewDatabaseAsync("sms"),
            new TestClock(LedgerApp.Start),
            ("OneStop:Notifications:Sms:Url", gateway.Url.ToString()),
            ("OneStop:Notifications:Sms:ApiKey", "sms-test-key"));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task each_applicant_gets_one_text_in_their_language_with_the_api_key()
    {
        var (vi, viCode) = await host.Submit(phone: "0912 345 678", language: "vi");
        var (en, enCode) = await host.Submit(phone: "+84 913 000 111", language: "en");

        await host.Ok(vi, "reception", new { version = 1 }, host.Reception);
        await host.Ok(en, "reception", new { version = 1 }, host.Reception);

        await IntegrationHost.Eventually(async () =>
                (await NotificationLifecycle.RecordsOf(host, vi)).Any(r => r.Outcome == NotificationOutcome.Sent)
                && (await NotificationLifecycle.RecordsOf(host, en)).Any(r => r.Outcome == NotificationOutcome.Sent),
            "the texts were not sent");
        gateway.Received.Count.ShouldBe(2, "one text per receipt");
        var vietnamese = gateway.Received.Single(s => s.To == "0912 345 678");
        vietnamese.Text.ShouldContain($"Hồ sơ {viCode} (");
        vietnamese.Text.ShouldContain("đã được tiếp nhận. Hẹn trả kết quả: 09:00 11/03/2026.");
        gateway.Received.Single(s => s.To == "+84 913 000 111").Text.ShouldStartWith($"Dossier {enCode} (");
        gateway.Received.ShouldAllBe(s => s.ApiKey == "sms-test-key");
        (await NotificationLifecycle.RecordsOf(host, vi)).ShouldHaveSingleItem().Channel.ShouldBe("sms");
    }
}
