using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace OneStop.Integrity;

/// <summary>
/// The integrity tables and the trigger on Marten's event table that chains every event's hash in the
/// appending transaction, whichever code path appends (HTTP, seeder, bulk import, psql).
/// </summary>
public static class LedgerSchema
{
    public const string Hashes = "onestop_event_hashes";
    public const string Leaves = "onestop_ledger_leaves";
    public const string Checkpoints = "onestop_ledger_checkpoints";
    public const string Trigger = "onestop_event_hash";

    /// <summary>
    /// Marten's event type for the placeholders that fill sequence numbers a failed append reserved (a lost
    /// version race, a rollback, a connection cut mid-commit). They live in a stream of their own per process.
    /// </summary>
    public const string TombstoneType = "tombstone";

    /// <summary>
    /// Appending transactions hold this advisory lock shared from their first event until commit; the Merkle
    /// log takes it exclusively, so when it holds it no transaction that has inserted an event is in flight.
    /// </summary>
    public const long LogLock = 0x4F4E_4553_4C4F_4721;

    public static IEnumerable<Table> Tables(string schema)
    {
        var hashes = new Table(Name(schema, Hashes));
        hashes.AddColumn<long>("seq_id").AsPrimaryKey();
        hashes.AddColumn<Guid>("stream_id").NotNull();
        hashes.AddColumn<long>("version").NotNull();
        hashes.AddColumn("hash", "bytea").NotNull();
        hashes.AddColumn("prev_hash", "bytea").NotNull();
        hashes.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        hashes.Indexes.Add(new IndexDefinition($"ix_{Hashes}_stream") { Columns = ["stream_id", "version"] });

        var leaves = new Table(Name(schema, Leaves));
        leaves.AddColumn<long>("leaf_index").AsPrimaryKey();
        leaves.AddColumn<long>("seq_id").NotNull();
        leaves.AddColumn("entry", "bytea").NotNull();
        leaves.Indexes.Add(new IndexDefinition($"ix_{Leaves}_seq") { Columns = ["seq_id"], IsUnique = true });

        var checkpoints = new Table(Name(schema, Checkpoints));
        checkpoints.AddColumn<long>("size").AsPrimaryKey();
        checkpoints.AddColumn<string>("root_hash").NotNull();
        checkpoints.AddColumn<DateTimeOffset>("at").NotNull();
        checkpoints.AddColumn<string>("signature").NotNull();
        return [hashes, leaves, checkpoints];
    }

    /// <summary>
    /// The canonical text of one event row: a jsonb object of every stored field except the archive flag
    /// (Marten flips it legitimately). jsonb renders one value one way (keys sorted, fixed spacing), so the
    /// verifier reproduces the exact bytes from the row; the timestamp is rendered in UTC to microseconds so
    /// the session's time zone does not matter. It reads every metadata column LedgerSetup enables.
    /// </summary>
    public static string Canonical(string row) =>
        $"""
        jsonb_build_object('format', 'onestop-event-v1', 'seq', {row}.seq_id, 'id', {row}.id,
          'stream', {row}.stream_id, 'version', {row}.version, 'type', {row}.type,
          'dotnetType', {row}.mt_dotnet_type, 'tenant', {row}.tenant_id,
          'timestamp', to_char({row}.timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          'correlationId', {row}.correlation_id, 'causationId', {row}.causation_id,
          'userName', {row}.user_name, 'headers', {row}.headers, 'data', {row}.data)::text
        """;

    /// <summary>Creates or replaces the hashing functions and trigger; idempotent, run at every start.</summary>
    public static async Task InstallAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = InstallSql(schema);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Turns hashing off or on (the benchmark compares both; tests simulate an attacker).</summary>
    public static string SetTriggerSql(string schema, bool enabled) =>
        $"alter table {schema}.mt_events {(enabled ? "enable" : "disable")} trigger {Trigger}";

    private static string InstallSql(string schema) => $"""
        create or replace function {schema}.onestop_record_event_hash(e {schema}.mt_events) returns void
        language plpgsql as $body$
        declare
          logged bigint;
          previous bytea;
        begin
          perform pg_advisory_xact_lock_shared({LogLock});
          select max(l.seq_id) into logged from {schema}.{Leaves} l;
          -- An event numbered below what the Merkle log already covers would silently rewrite logged history.
          if e.seq_id <= coalesce(logged, 0) then
            raise exception 'Event % arrived below the Merkle log horizon %; retry', e.seq_id, logged
              using errcode = '40001';
          end if;
          -- Marten's tombstones fill sequence numbers a failed append had reserved (a lost race, a rollback);
          -- their version is their sequence, so each one is chained from genesis on its own.
          if e.version > 1 and e.type <> '{TombstoneType}' then
            select h.hash into previous from {schema}.{Hashes} h
              where h.stream_id = e.stream_id and h.version = e.version - 1;
          end if;
          previous := coalesce(previous, decode(repeat('00', 32), 'hex'));
          insert into {schema}.{Hashes} (seq_id, stream_id, version, hash, prev_hash, recorded_at)
          values (e.seq_id, e.stream_id, e.version,
                  sha256(previous || convert_to({Canonical("e")}, 'UTF8')), previous, clock_timestamp());
        end
        $body$;

        create or replace function {schema}.onestop_hash_event() returns trigger
        language plpgsql as $body$
        begin
          perform {schema}.onestop_record_event_hash(NEW);
          return null;
        end
        $body$;

        create or replace trigger {Trigger} after insert on {schema}.mt_events
          for each row execute function {schema}.onestop_hash_event();

        -- A ledger that predates hashing is chained once, in sequence order. Only when nothing is hashed yet:
        -- later, an event without a hash is evidence of an insert behind the trigger's back, never backfilled.
        do $body$
        declare r {schema}.mt_events;
        begin
          if not exists (select 1 from {schema}.{Hashes}) then
            for r in select * from {schema}.mt_events order by seq_id loop
              perform {schema}.onestop_record_event_hash(r);
            end loop;
          end if;
        end
        $body$;
        """;

    private static PostgresqlObjectName Name(string schema, string table) =>
        new(schema, table, SchemaUtils.IdentifierUsage.General);
}
