using System.Net;
using System.Net.Sockets;
using Marten;
using OneStop.Integrations.Portal;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>
/// The service commits a status change, then dies before the portal has it: the portal is unreachable and the
/// first service is disposed while it waits to retry. The message was committed with the events, so a new
/// service on the same database delivers it once the portal is back. Idempotency keys live there too.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class when_the_service_dies_between_commit_and_send
{
    [Fact]
    public async Task the_next_service_on_the_same_database_delivers_the_committed_change()
    {
        var database = await TestCluster.NewDatabaseAsync("restart");
        var port = FreePort();
        var portalUrl = $"http://127.0.0.1:{port}{PortalStandIn.PortalStandIn.StatusPath}";
        var clock = new TestClock(LedgerApp.Start);
        Guid id;
        string firstAnswer;
        var first = await IntegrationHost.StartAsync(database, clock, ("OneStop:Portal:Url", portalUrl),
            ("OneStop:Integrations:RetryCooldownSeconds", "30"));
        await using (first)
        {
            var (status, receipt) = await first.Post("/api/dossiers", Submission(), first.Reception, "retry-me");
            status.ShouldBe(201);
            id = receipt.GetProperty("id").GetGuid();
            firstAnswer = receipt.ToString();
            await IntegrationHost.Eventually(async () => (await SyncOf(first, id))?.FailedAttempts > 0,
                "the first service never tried the unreachable portal");
        }

        await using var portal = await PortalStandIn.PortalStandIn.StartAsync(port);
        await using var second = await IntegrationHost.StartAsync(database, clock, ("OneStop:Portal:Url", portalUrl));

        await IntegrationHost.Eventually(() => Task.FromResult(portal.Deliveries.Count == 1),
            "the committed status change was lost with the first service");
        portal.Deliveries[0].StatusCode.ShouldBe(1);
        await IntegrationHost.Eventually(async () => (await SyncOf(second, id))?.AcknowledgedVersion == 1,
            "the acknowledgement was not recorded");
        var (replayed, again) = await second.Post("/api/dossiers", Submission(), second.Reception, "retry-me");
        replayed.ShouldBe(201);
        again.ToString().ShouldBe(firstAnswer, "a retried submission gets the first answer after a restart");
        await using var session = second.Store.QuerySession();
        (await session.Query<Projections.Dossiers.DossierView>().CountAsync()).ShouldBe(1);
    }

    private static object Submission() => new
    {
        procedureCode = LedgerContext.ProcedureCode,
        channel = "Counter",
        applicant = new { kind = "Citizen", name = "Trần Văn Khởi Động" },
        components = new[] { "C01", "C02", "C03", "C04", "C05" },
    };

    private static async Task<PortalSync?> SyncOf(IntegrationHost host, Guid id)
    {
        await using var session = host.Store.QuerySession();
        return await session.LoadAsync<PortalSync>(id);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
