using OneStop.Integrity;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrity;

/// <summary>A ledger written before the trigger existed is chained once, at the next start, in order.</summary>
public sealed class when_a_ledger_predates_hashing(LedgerApp app) : IntegrityContext(app)
{
    [Fact]
    public async Task its_events_are_chained_at_install_and_verify()
    {
        await three_received_dossiers();
        await Sql($"delete from onestop.{LedgerSchema.Hashes}");

        await Install();

        (await Query<long>($"select count(*) from onestop.{LedgerSchema.Hashes}")).Single().ShouldBe(6);
        await a_checkpoint();
        (await Verification()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task a_later_event_without_a_hash_is_never_backfilled()
    {
        var ids = await three_received_dossiers();
        var target = (await Sequences(ids[2]))[1];
        await Sql($"delete from onestop.{LedgerSchema.Hashes} where seq_id = {target}");

        await Install();

        (await Query<long>($"select count(*) from onestop.{LedgerSchema.Hashes}")).Single().ShouldBe(5);
        var report = await Verification();
        report.GetProperty("firstProblem").GetProperty("kind").GetString().ShouldBe("extra");
    }

    private async Task Install()
    {
        await using var connection = (Npgsql.NpgsqlConnection)Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await LedgerSchema.InstallAsync(connection, "onestop", CancellationToken.None);
    }
}
