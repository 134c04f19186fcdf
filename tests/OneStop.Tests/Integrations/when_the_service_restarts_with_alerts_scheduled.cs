using Npgsql;
using OneStop.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrations;

/// <summary>
/// Alerts are durable scheduled messages in PostgreSQL, so a service that stops forgets none of them: the next
/// service on the same database fires them. Days cannot pass on the machine clock in a test, so the stored
/// execution times are moved to now, which is what waiting for them would do; the ledger clock is set to the
/// due-soon instant, so that alert fires and the later overdue one waits for its own instant again.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class when_the_service_restarts_with_alerts_scheduled
{
    private const string Envelopes = "onestop.wolverine_incoming_envelopes";

    [Fact]
    public async Task the_next_service_on_the_same_database_raises_the_alert()
    {
        var database = await TestCluster.NewDatabaseAsync("alerts_restart");
        var clock = new TestClock(new DateTimeOffset(2026, 4, 20, 10, 0, 0, TimeSpan.FromHours(7)));
        var dueSoon = new DateTimeOffset(2026, 4, 29, 10, 0, 0, TimeSpan.FromHours(7));
        Guid id;
        var first = await IntegrationHost.StartAsync(database, clock, ("OneStop:Alerts:Enabled", "true"));
        await using (first)
        {
            (id, _) = await first.Submit();
            await first.Tracked(() => first.Ok(id, "reception", new { version = 1 }, first.Reception));
        }

        (await Sql(database, $"select count(*) from {Envelopes} where status = 'Scheduled'")).ShouldBe(3,
            "appointment due soon and overdue, and the hand-over deadline, outlive the first service");
        clock.SetUtcNow(dueSoon);
        await using var second = await IntegrationHost.StartAsync(database, clock, ("OneStop:Alerts:Enabled", "true"));
        await Sql(database, $"update {Envelopes} set execution_time = now() where status = 'Scheduled'");

        await IntegrationHost.Eventually(async () => (await second.RaisedAlerts(id)).Count == 2,
            "the second service never fired the alerts the first one scheduled", seconds: 120);
        var raised = await second.RaisedAlerts(id);
        raised.Select(a => a.Kind).ShouldBe([DeadlineAlertKind.AppointmentDueSoon, DeadlineAlertKind.StepOverdue],
            ignoreOrder: true);
        raised.ShouldAllBe(a => a.At == dueSoon);
        await IntegrationHost.Eventually(async () => await Sql(database, $"select count(*) from {Envelopes} " +
                "where status = 'Scheduled' and execution_time > now() + interval '4 days'") == 1,
            "the overdue alert, delivered five days early, did not wait for its own instant again", seconds: 120);
    }

    private static async Task<long> Sql(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var result = await command.ExecuteScalarAsync();
        return result is long count ? count : 0;
    }
}
