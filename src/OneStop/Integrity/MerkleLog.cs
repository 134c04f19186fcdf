using Marten;
using Npgsql;
using OneStop.Hosting;

namespace OneStop.Integrity;

/// <summary>
/// The global Merkle log: appends settled, committed events in sequence order and signs a checkpoint
/// whenever the log grew. Leaf index and sequence differ (sequences have gaps); the leaves table maps them.
/// </summary>
public sealed partial class MerkleLog(
    IDocumentStore store,
    LedgerSigningKey key,
    PublishedCheckpoints published,
    TimeProvider clock,
    IntegrityOptions options,
    ILogger<MerkleLog> logger)
{
    private const string S = LedgerSetup.Schema;

    /// <summary>
    /// Logs what is safe to log and signs a checkpoint if the log grew; answers the latest checkpoint.
    /// Holding the log lock exclusively means every transaction that inserted an event has ended, so all
    /// hashes at or below the chosen horizon are visible; a transaction that reserved a lower sequence but
    /// inserts later is refused by the trigger (and retried by its caller) instead of slipping under the log.
    /// The settle delay keeps that refusal for appends stalled longer than it.
    /// </summary>
    public async Task<Checkpoint?> AdvanceAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, "select pg_advisory_xact_lock(@key)", ct, ("key", LedgerSchema.LogLock));
        await ExecuteAsync(connection, $"""
            insert into {S}.{LedgerSchema.Leaves} (leaf_index, seq_id, entry)
            select (select coalesce(max(leaf_index), -1) from {S}.{LedgerSchema.Leaves})
                   + row_number() over (order by h.seq_id), h.seq_id, h.hash
            from {S}.{LedgerSchema.Hashes} h
            where h.seq_id > (select coalesce(max(seq_id), 0) from {S}.{LedgerSchema.Leaves})
              and h.seq_id <= (select coalesce(max(seq_id), 0) from {S}.{LedgerSchema.Hashes}
                               where recorded_at <= clock_timestamp() - make_interval(secs => @settle))
            """, ct, ("settle", options.Settle.TotalSeconds));

        var latest = (await CheckpointsAsync(connection, null, ct)).LastOrDefault();
        var entries = await EntriesAsync(connection, long.MaxValue, ct);
        if (entries.Count <= (latest?.Size ?? 0))
        {
            await transaction.CommitAsync(ct);
            return latest;
        }

        var leaves = entries.Select(e => MerkleTree.LeafHash(e)).ToList();
        var created = Checkpoint.Sign(leaves.Count, MerkleTree.Root(leaves, leaves.Count), clock.GetUtcNow(), key.Key);
        await ExecuteAsync(connection,
            $"insert into {S}.{LedgerSchema.Checkpoints} (size, root_hash, at, signature) values (@s, @r, @a, @g)",
            ct, ("s", created.Size), ("r", created.RootHash), ("a", created.At), ("g", created.Signature));
        await transaction.CommitAsync(ct);

        // Published after the commit: a file entry the database lacks would look like truncation.
        published.Append([created]);
        LogCheckpoint(logger, created.Size, created.RootHash);
        return created;
    }

    /// <summary>Republishes checkpoints the file missed (a crash between commit and append).</summary>
    public async Task CatchUpPublicationAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        published.Append(await CheckpointsAsync(connection, null, ct));
    }

    public async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await CheckpointsAsync(connection, null, ct);
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>All checkpoints by size, or the one of the given size.</summary>
    public static async Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(
        NpgsqlConnection connection,
        long? size,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"select size, root_hash, at, signature from {S}.{LedgerSchema.Checkpoints} " +
            (size is null ? "" : "where size = @size ") + "order by size";
        if (size is not null)
            command.Parameters.AddWithValue("size", size.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var checkpoints = new List<Checkpoint>();
        while (await reader.ReadAsync(ct))
            checkpoints.Add(new Checkpoint(reader.GetInt64(0), reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        return checkpoints;
    }

    /// <summary>The first <paramref name="size"/> log entries (event chain hashes) in leaf order.</summary>
    public static async Task<List<byte[]>> EntriesAsync(NpgsqlConnection connection, long size, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"select entry from {S}.{LedgerSchema.Leaves} where leaf_index < @size order by leaf_index";
        command.Parameters.AddWithValue("size", size);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<byte[]>();
        while (await reader.ReadAsync(ct))
            entries.Add(reader.GetFieldValue<byte[]>(0));
        return entries;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger checkpoint {Size} signed with root {RootHash}")]
    private static partial void LogCheckpoint(ILogger logger, long size, string rootHash);
}
