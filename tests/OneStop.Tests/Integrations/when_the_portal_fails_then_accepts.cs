using OneStop.Integrations.Portal;
using OneStop.PortalStandIn;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>
/// The portal stand-in refuses the first deliveries, or loses its acknowledgements; every status change still
/// arrives exactly once in effect, in version order per dossier, and each acknowledgement is recorded.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class when_the_portal_fails_then_accepts : IAsyncLifetime
{
    private PortalStandIn.PortalStandIn portal = null!;
    private IntegrationHost host = null!;

    public async Task InitializeAsync()
    {
        portal = await PortalStandIn.PortalStandIn.StartAsync();
        host = await IntegrationHost.StartAsync(await TestCluster.NewDatabaseAsync("portal"),
            new TestClock(LedgerApp.Start), ("OneStop:Portal:Url", portal.StatusUrl.ToString()));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task every_status_change_arrives_once_in_order_after_the_failures()
    {
        portal.Behave(new PortalBehaviour(FailNext: 3));

        var id = await PortalLifecycle.a_dossier_taken_to_its_result(host);

        await IntegrationHost.Eventually(async () => (await SyncOf(id))?.AcknowledgedStatus is
            Dossiers.DossierStatus.ResultReturned, "the portal never acknowledged the returned result");
        portal.Attempts.Count(a => a.Answered == 503).ShouldBe(3, "the stand-in was told to fail three times");
        portal.Deliveries.Select(d => d.StatusCode).ShouldBe(PortalLifecycle.StatusCodes);
        portal.Deliveries.Select(d => d.Key).ShouldBeUnique();
        portal.Deliveries.Select(d => d.Version).ShouldBeInOrder();
        var sync = (await SyncOf(id))!;
        sync.Pending.ShouldBeEmpty();
        sync.Deliveries.Select(d => d.StatusCode).ShouldBe(PortalLifecycle.StatusCodes);
        sync.Deliveries[0].Attempts.ShouldBe(4, "three refusals, then the acknowledgement");
    }

    [Fact]
    public async Task a_lost_acknowledgement_makes_a_second_delivery_that_changes_nothing()
    {
        portal.Behave(new PortalBehaviour(LoseNextAcks: 1));

        var (id, code) = await host.Submit();

        await IntegrationHost.Eventually(async () => (await SyncOf(id))?.AcknowledgedVersion == 1,
            "the portal never acknowledged the submission");
        portal.Attempts.Count.ShouldBe(2, "the first answer was lost, so the sender delivered again");
        portal.Attempts[1].Duplicate.ShouldBeTrue();
        portal.Deliveries.Where(d => d.DossierCode == code).ShouldHaveSingleItem();
        (await SyncOf(id))!.Deliveries.ShouldHaveSingleItem().Outcome.ShouldBe(PortalOutcome.AlreadyAcknowledged);
    }

    [Fact]
    public async Task the_record_carries_the_portal_fields_in_local_time()
    {
        var (id, code) = await host.Submit();

        await IntegrationHost.Eventually(() => Task.FromResult(portal.Deliveries.Count == 1),
            "the submission never reached the portal");
        var record = portal.Deliveries[0].Record;
        record.GetProperty("dossierCode").GetString().ShouldBe(code);
        record.GetProperty("procedureCode").GetString().ShouldBe(LedgerContext.ProcedureCode);
        record.GetProperty("channelCode").GetInt32().ShouldBe(1);
        record.GetProperty("statusCode").GetInt32().ShouldBe(1);
        record.GetProperty("submittedAt").GetString().ShouldBe("20260302090000", "09:00 in Hanoi, not UTC");
        record.GetProperty("components").GetArrayLength().ShouldBeGreaterThan(0);
        record.ToString().ShouldNotContain("Nguyễn", Case.Insensitive, "no personal data goes to the portal");
        // The portal holds the record before the service has written down its acknowledgement.
        await IntegrationHost.Eventually(async () => await SyncOf(id) is not null,
            "the acknowledgement was never recorded");
        (await SyncOf(id))!.Code.ShouldBe(code);
    }

    [Fact]
    public async Task reconciliation_lists_only_what_the_portal_has_not_acknowledged()
    {
        var (acknowledged, _) = await host.Submit();
        await IntegrationHost.Eventually(async () => (await SyncOf(acknowledged))?.AcknowledgedVersion == 1,
            "the first submission was never acknowledged");
        portal.Behave(new PortalBehaviour(FailNext: 1000));
        var (waiting, waitingCode) = await host.Submit();
        await IntegrationHost.Eventually(async () => (await SyncOf(waiting))?.FailedAttempts > 0,
            "the failing delivery was never attempted");

        var (status, report) = await Get("/api/portal/reconciliation", host.Token("sv-01", "supervisor", "VP"));
        var (denied, _) = await Get("/api/portal/reconciliation", host.Reception);

        status.ShouldBe(200);
        denied.ShouldBe(403);
        report.GetProperty("portalConfigured").GetBoolean().ShouldBeTrue();
        var items = report.GetProperty("items").EnumerateArray().ToList();
        items.ShouldHaveSingleItem().GetProperty("code").GetString().ShouldBe(waitingCode);
        items[0].GetProperty("failedAttempts").GetInt32().ShouldBeGreaterThan(0);
        report.GetProperty("unacknowledged").GetInt64().ShouldBe(1);
    }

    private async Task<(int, System.Text.Json.JsonElement)> Get(string url, string token)
    {
        var result = await host.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode,
            System.Text.Json.JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<PortalSync?> SyncOf(Guid id)
    {
        await using var session = host.Store.QuerySession();
        return await session.LoadAsync<PortalSync>(id);
    }
}
