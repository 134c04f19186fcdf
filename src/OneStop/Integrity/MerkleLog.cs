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
    private readonly SemaphoreSlim advancing = new(1, 1);
    private LoggedTree logged = LoggedTree.Empty;

    /// <summary>
    /// Logs what is safe to log and signs a checkpoint if the log grew; answers the latest checkpoint.
    /// Holding the log lock exclusively means every transaction that inserted an event has ended, so all
    /// hashes at or below the chosen horizon are visible; a transaction that reserved a lower sequence but
    /// inserts later is refused by the trigger (and retried by its caller) instead of slipping under the log.
    /// The settle delay keeps that refusal for appends stalled longer than it. The tree head grows from the
    /// frontier this process keeps, so the lock is held while the new leaves are hashed, not the whole log.
    /// </summary>
    public async Task<Checkpoint?> AdvanceAsync(CancellationToken ct)
    {
        await advancing.WaitAsync(ct);
        try
        {
            // Logged leaves never change, so the ones this process has not seen yet are read before the lock.
            var known = await GrownAsync(logged, null, ct);
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

            var latest = await LatestCheckpointAsync(connection, ct);
            var grown = await GrownAsync(known, connection, ct);
            if (grown.Tree.Size <= (latest?.Size ?? 0))
            {
                await transaction.CommitAsync(ct);
                logged = grown;
                return latest;
            }

            var created = Checkpoint.Sign(grown.Tree.Size, grown.Tree.Root(), clock.GetUtcNow(), key.Key);
            await ExecuteAsync(connection,
                $"insert into {S}.{LedgerSchema.Checkpoints} (size, root_hash, at, signature) values (@s, @r, @a, @g)",
                ct, ("s", created.Size), ("r", created.RootHash), ("a", created.At), ("g", created.Signature));
            await transaction.CommitAsync(ct);
            logged = grown;

            // Published after the commit: a file entry the database lacks would look like truncation.
            published.Append([created]);
            LogCheckpoint(logger, created.Size, created.RootHash);
            return created;
        }
        finally
        {
            advancing.Release();
        }
    }

    /// <summary>
    /// The tree grown by every logged leaf after it, read on the given connection or a new one. If its last
    /// leaf is no longer in the log as it was (a database restored or reset under a running service), the
    /// tree is rebuilt from the first leaf.
    /// </summary>
    private async Task<LoggedTree> GrownAsync(LoggedTree from, NpgsqlConnection? connection, CancellationToken ct)
    {
        await using var own = connection is null ? await OpenAsync(ct) : null;
        var open = connection ?? own!;
        if (from.Last is not null && !(await EntryAtAsync(open, from.Tree.Size - 1, ct) ?? []).SequenceEqual(from.Last))
            from = LoggedTree.Empty;
        await using var command = open.CreateCommand();
        command.CommandText =
            $"select entry from {S}.{LedgerSchema.Leaves} where leaf_index >= @from order by leaf_index";
        command.Parameters.AddWithValue("from", from.Tree.Size);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var leaves = new List<byte[]>();
        var last = from.Last;
        while (await reader.ReadAsync(ct))
        {
            last = reader.GetFieldValue<byte[]>(0);
            leaves.Add(MerkleTree.LeafHash(last));
        }

        return new LoggedTree(from.Tree.Append(leaves), last);
    }

    private static async Task<byte[]?> EntryAtAsync(NpgsqlConnection connection, long index, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"select entry from {S}.{LedgerSchema.Leaves} where leaf_index = @index";
        command.Parameters.AddWithValue("index", index);
        return await command.ExecuteScalarAsync(ct) as byte[];
    }

    private static async Task<Checkpoint?> LatestCheckpointAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"select size, root_hash, at, signature from {S}.{LedgerSchema.Checkpoints} " +
            "order by size desc limit 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Checkpoint(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3))
            : null;
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

/// <summary>The log's tree as this process last saw it, with the entry of its last leaf to check it by.</summary>
internal sealed record LoggedTree(MerkleFrontier Tree, byte[]? Last)
{
    public static LoggedTree Empty { get; } = new(MerkleFrontier.Empty, null);
}
