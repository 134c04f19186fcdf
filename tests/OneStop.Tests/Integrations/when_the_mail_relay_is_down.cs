using System.Globalization;
using OneStop.Integrations.Notifications;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>
/// Nothing listens on the relay's port: the command still succeeds, since the e-mail only leaves through the
/// outbox after the commit. The failed send is recorded and retried; once a relay listens, it is delivered once.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class when_the_mail_relay_is_down
{
    [Fact]
    public async Task the_command_succeeds_and_the_email_arrives_once_the_relay_is_up()
    {
        const string email = "kien.nhan@example.invalid";
        var port = SmtpReceiver.FreePort();
        await using var host = await IntegrationHost.StartAsync(await TestCluster.NewDatabaseAsync("relay"),
            new TestClock(LedgerApp.Start),
            ("OneStop:Notifications:Smtp:Host", "127.0.0.1"),
            ("OneStop:Notifications:Smtp:Port", port.ToString(CultureInfo.InvariantCulture)),
            ("OneStop:Integrations:RetryCooldownSeconds", "0.5"),
            ("OneStop:Integrations:RetryScheduleSeconds", string.Join(",", Enumerable.Repeat("3", 25))));
        var (id, code) = await host.Submit(email);

        var (status, answer) = await host.Post($"/api/dossiers/{id}/reception", new { version = 1 }, host.Reception);

        status.ShouldBe(200, "a relay that is down must not fail or hold the command");
        answer.GetProperty("version").GetInt32().ShouldBe(2);
        await IntegrationHost.Eventually(async () => (await Record(host, id))?.Outcome == NotificationOutcome.Failed,
            "the failed send was not recorded");
        (await Record(host, id))!.Error.ShouldBe("SocketException", "the kind of failure, never the address");

        await using var smtp = await SmtpReceiver.StartAsync(port);

        await IntegrationHost.Eventually(async () => (await Record(host, id))?.Outcome == NotificationOutcome.Sent,
            "the e-mail was not delivered once the relay was up", seconds: 120);
        (await Record(host, id))!.Attempts.ShouldBeGreaterThan(1);
        smtp.To(email).ShouldHaveSingleItem().Subject.ShouldBe($"Tiếp nhận hồ sơ — {code}");
    }

    private static async Task<NotificationRecord?> Record(IntegrationHost host, Guid id) =>
        (await NotificationLifecycle.RecordsOf(host, id)).SingleOrDefault();
}
