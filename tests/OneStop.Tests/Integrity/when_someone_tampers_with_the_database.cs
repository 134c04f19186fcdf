using System.Text.Json;
using Npgsql;
using OneStop.Integrity;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrity;

/// <summary>
/// Each attack is made directly in PostgreSQL as the superuser, switching the hash trigger off where a
/// skilled attacker would. Verification must name the first broken event and its dossier.
/// </summary>
public sealed class when_someone_tampers_with_the_database(LedgerApp app) : IntegrityContext(app)
{
    private const string Events = "onestop.mt_events";

    [Fact]
    public async Task a_changed_event_body_is_named_as_altered()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var target = (await Sequences(ids[1]))[0];

        await Sql($"update {Events} set data = jsonb_set(data, '{{procedureName}}', '\"Forged\"') " +
            $"where seq_id = {target}");

        await ShouldBeBroken("altered", target, await CodeOf(ids[1]));
    }

    [Fact]
    public async Task a_changed_officer_header_is_named_as_altered()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var target = (await Sequences(ids[2]))[1];

        await Sql($"update {Events} set headers = jsonb_set(headers, '{{officer}}', '\"someone-else\"') " +
            $"where seq_id = {target}");

        await ShouldBeBroken("altered", target, await CodeOf(ids[2]));
    }

    [Fact]
    public async Task a_changed_storage_time_is_named_as_altered()
    {
        var ids = await three_received_dossiers();
        var target = (await Sequences(ids[0]))[1];

        await Sql($"update {Events} set timestamp = timestamp - interval '1 day' where seq_id = {target}");

        await ShouldBeBroken("altered", target, await CodeOf(ids[0]));
    }

    [Fact]
    public async Task a_deleted_event_is_named_as_missing()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var target = (await Sequences(ids[1]))[1];

        await Sql($"delete from {Events} where seq_id = {target}");

        await ShouldBeBroken("missing", target, await CodeOf(ids[1]));
    }

    [Fact]
    public async Task a_deleted_event_whose_hash_was_deleted_too_leaves_a_gap_in_its_dossier()
    {
        var (id, version) = await a_received_dossier();
        await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);
        var sequences = await Sequences(id);

        await Sql($"delete from {Events} where seq_id = {sequences[1]}; " +
            $"delete from onestop.{LedgerSchema.Hashes} where seq_id = {sequences[1]}");

        var problem = await ShouldBeBroken("missing", sequences[2], await CodeOf(id));
        problem.GetProperty("version").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task two_events_swapped_in_sequence_are_named_as_reordered()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var first = (await Sequences(ids[0]))[1];
        var second = (await Sequences(ids[1]))[0];

        await Sql($"update {Events} set seq_id = -1 where seq_id = {first}; " +
            $"update {Events} set seq_id = {first} where seq_id = {second}; " +
            $"update {Events} set seq_id = {second} where seq_id = -1");

        await ShouldBeBroken("reordered", first, await CodeOf(ids[1]));
    }

    [Fact]
    public async Task an_event_inserted_behind_the_triggers_back_is_named_as_extra()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var copied = (await Sequences(ids[0]))[1];

        await Sql(LedgerSchema.SetTriggerSql("onestop", enabled: false));
        await Sql($"""
            insert into {Events}
            select (jsonb_populate_record(null::{Events}, to_jsonb(e) || jsonb_build_object(
                'seq_id', nextval('onestop.mt_events_sequence'), 'id', gen_random_uuid(), 'version', 3))).*
            from {Events} e where e.seq_id = {copied}
            """);
        await Sql(LedgerSchema.SetTriggerSql("onestop", enabled: true));
        var forged = (await Sequences(ids[0]))[2];

        await ShouldBeBroken("extra", forged, await CodeOf(ids[0]));
    }

    [Fact]
    public async Task an_insert_under_the_logged_horizon_is_refused_by_the_trigger()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var copied = (await Sequences(ids[0]))[1];

        var refused = await Should.ThrowAsync<PostgresException>(() => Sql($"""
            insert into {Events}
            select (jsonb_populate_record(null::{Events}, to_jsonb(e) || jsonb_build_object(
                'seq_id', -5, 'id', gen_random_uuid(), 'version', 3))).*
            from {Events} e where e.seq_id = {copied}
            """));

        refused.SqlState.ShouldBe(PostgresErrorCodes.SerializationFailure);
        (await Verification()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task a_truncated_tail_is_caught_by_the_published_checkpoint()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var (extra, _) = await a_received_dossier();
        await a_checkpoint();
        var kept = (await Sequences(ids[2]))[1];

        // A thorough attacker removes the events, their hashes, their log leaves and the newer checkpoint;
        // only the copy of checkpoints.jsonl outside the database still remembers them.
        await Sql($"delete from {Events} where seq_id > {kept}; " +
            $"delete from onestop.mt_streams where id = '{extra}'; " +
            $"delete from onestop.{LedgerSchema.Hashes} where seq_id > {kept}; " +
            $"delete from onestop.{LedgerSchema.Leaves} where seq_id > {kept}; " +
            $"delete from onestop.{LedgerSchema.Checkpoints} where size > 6");

        var problem = await ShouldBeBroken("truncated", kept + 1, null);
        problem.GetProperty("detail").GetString()!.ShouldContain($"after sequence {kept}");
    }

    [Fact]
    public async Task a_truncation_is_caught_by_a_checkpoint_the_inspector_brings_along()
    {
        await three_received_dossiers();
        var published = (await a_checkpoint())!;

        await Sql($"delete from {Events}; delete from onestop.mt_streams; " +
            $"delete from onestop.{LedgerSchema.Hashes}; delete from onestop.{LedgerSchema.Leaves}; " +
            $"delete from onestop.{LedgerSchema.Checkpoints}");
        File.Delete(Path.Combine(App.DataDirectory, PublishedCheckpoints.FileName));

        var report = await Verification(new { publishedCheckpoints = new[] { published } });

        report.GetProperty("intact").GetBoolean().ShouldBeFalse();
        report.GetProperty("firstProblem").GetProperty("kind").GetString().ShouldBe("truncated");
    }

    [Fact]
    public async Task a_rewrite_of_an_event_with_its_stored_hashes_is_caught_by_the_signed_root()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var target = (await Sequences(ids[1]))[1];

        // The attacker rewrites the event, recomputes its chain hash and log entry: only the signature is out
        // of reach.
        await Sql($"""
            update {Events} set data = jsonb_set(data, array['at'], '"2026-01-01T00:00:00+00:00"')
              where seq_id = {target};
            update onestop.{LedgerSchema.Hashes} h
              set hash = sha256(h.prev_hash || convert_to({LedgerSchema.Canonical("e")}, 'UTF8'))
              from {Events} e where e.seq_id = h.seq_id and h.seq_id = {target};
            update onestop.{LedgerSchema.Leaves} l set entry = h.hash
              from onestop.{LedgerSchema.Hashes} h where h.seq_id = l.seq_id and l.seq_id = {target};
            """);

        var report = await Verification();

        report.GetProperty("intact").GetBoolean().ShouldBeFalse(report.ToString());
        var problem = report.GetProperty("firstProblem");
        problem.GetProperty("kind").GetString().ShouldBe("altered");
        problem.GetProperty("sequence").GetInt64().ShouldBeLessThanOrEqualTo(target);
    }

    private async Task<JsonElement> ShouldBeBroken(string kind, long sequence, string? dossierCode)
    {
        var report = await Verification();

        report.GetProperty("intact").GetBoolean().ShouldBeFalse(report.ToString());
        var problem = report.GetProperty("firstProblem");
        problem.GetProperty("kind").GetString().ShouldBe(kind, report.ToString());
        problem.GetProperty("sequence").GetInt64().ShouldBe(sequence, report.ToString());
        if (dossierCode is not null)
            problem.GetProperty("dossierCode").GetString().ShouldBe(dossierCode, report.ToString());
        report.GetProperty("intactThroughSequence").GetInt64().ShouldBeLessThan(sequence);
        return problem;
    }
}
