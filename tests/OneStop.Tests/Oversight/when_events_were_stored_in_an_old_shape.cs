using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Dossiers;
using OneStop.Projections.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

/// <summary>
/// Schema evolution: a row written by an earlier release (the stop event under its first name and shape,
/// inserted here with SQL as that release left it) still loads as today's event and projects.
/// </summary>
public sealed class when_events_were_stored_in_an_old_shape(LedgerApp app) : OversightContext(app)
{
    private const string OldJson = """
        {"reason": "Applicant unreachable", "officerId": "hd-old", "role": "handler", "unit": "UBTCDLCL",
         "at": "2026-03-04T03:00:00+00:00"}
        """;

    [Fact]
    public async Task they_load_as_the_current_event_and_project()
    {
        var (id, version) = await a_dossier_in_processing();
        await InsertOldStop(id, version + 1);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        var stop = events[^1].Data.ShouldBeOfType<ProcessingStopped>();
        stop.By.ShouldBe(new Actor("hd-old", "handler", "UBTCDLCL"));
        stop.At.ShouldBe(Hanoi(2026, 3, 4, 10));

        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<DossierView>(TimeSpan.FromMinutes(1), CancellationToken.None);
        var view = await GetJson($"/api/dossiers/{id}", Reception);
        view.GetProperty("status").GetString().ShouldBe("stopped");
        view.GetProperty("finishedAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 4, 10));

        var audit = await GetJson($"/api/audit?dossier={id}&type=processing_suspended", Inspector);
        audit.GetProperty("rows")[0].GetProperty("officer").GetString().ShouldBe("hd-old");
    }

    private async Task InsertOldStop(Guid id, int version)
    {
        await using var connection = Store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            insert into onestop.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id)
            values (nextval('onestop.mt_events_sequence'), gen_random_uuid(), @stream, @version, @data::jsonb,
                    'processing_suspended', now(), '*DEFAULT*');
            update onestop.mt_streams set version = @version where id = @stream;
            """, connection);
        command.Parameters.AddWithValue("stream", id);
        command.Parameters.AddWithValue("version", (long)version);
        command.Parameters.AddWithValue("data", OldJson);
        await command.ExecuteNonQueryAsync();
    }
}
