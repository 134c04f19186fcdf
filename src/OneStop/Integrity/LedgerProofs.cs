using System.Text.Json;
using Npgsql;
using OneStop.Hosting;
using OneStop.Problems;

namespace OneStop.Integrity;

/// <summary>Inclusion and consistency proofs against signed checkpoints, and offline proof bundles.</summary>
public sealed class LedgerProofs(MerkleLog log, LedgerSigningKey key)
{
    private const string S = LedgerSetup.Schema;

    public async Task<InclusionAnswer> InclusionAsync(long sequence, long? size, CancellationToken ct)
    {
        await using var connection = await log.OpenAsync(ct);
        var (leafIndex, entry) = await LeafOfAsync(connection, sequence, ct);
        var checkpoint = await CheckpointAsync(connection, size, ct);
        if (leafIndex >= checkpoint.Size)
            throw new NotFound($"Event {sequence} was logged after checkpoint {checkpoint.Size}; ask a later one.");

        // LIMITATION: proofs hash every leaf up to the checkpoint (O(size)); stored subtree hashes would make
        // them O(log size). Fine for millions of events, slow beyond.
        var leaves = Leaves(await MerkleLog.EntriesAsync(connection, checkpoint.Size, ct));
        var proof = MerkleTree.InclusionProof(leaves, leafIndex, checkpoint.Size);
        return new InclusionAnswer(sequence, leafIndex, Hex(entry), Hex(leaves[(int)leafIndex]), checkpoint,
            [.. proof.Select(Hex)]);
    }

    public async Task<ConsistencyAnswer> ConsistencyAsync(long from, long to, CancellationToken ct)
    {
        await using var connection = await log.OpenAsync(ct);
        var first = await CheckpointAsync(connection, from, ct);
        var second = await CheckpointAsync(connection, to, ct);
        var leaves = Leaves(await MerkleLog.EntriesAsync(connection, to, ct));
        return new ConsistencyAnswer(first, second, [.. MerkleTree.ConsistencyProof(leaves, from, to).Select(Hex)]);
    }

    public async Task<ProofBundle> BundleAsync(long sequence, long? size, long? from, CancellationToken ct)
    {
        var inclusion = await InclusionAsync(sequence, size, ct);
        ConsistencyEvidence? consistency = null;
        if (from is { } earlier)
        {
            var answer = await ConsistencyAsync(earlier, inclusion.Checkpoint.Size, ct);
            consistency = new ConsistencyEvidence(earlier, answer.From.RootHash, answer.Proof);
        }

        await using var connection = await log.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            select {LedgerSchema.Canonical("e")}, h.prev_hash, h.hash,
                   (select f.data ->> 'code' from {S}.mt_events f where f.stream_id = e.stream_id and f.version = 1)
            from {S}.mt_events e join {S}.{LedgerSchema.Hashes} h on h.seq_id = e.seq_id
            where e.seq_id = @sequence
            """;
        command.Parameters.AddWithValue("sequence", sequence);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new NotFound($"Event {sequence} is in the Merkle log but no longer in the event table.");
        var canonical = reader.GetString(0);
        return new ProofBundle(ProofBundle.CurrentFormat, sequence, reader.IsDBNull(3) ? null : reader.GetString(3),
            JsonDocument.Parse(canonical).RootElement.Clone(), canonical,
            Hex(reader.GetFieldValue<byte[]>(1)), Hex(reader.GetFieldValue<byte[]>(2)),
            inclusion.LeafIndex, inclusion.Checkpoint, inclusion.Proof, key.PublicKeyPem, consistency);
    }

    private static async Task<(long LeafIndex, byte[] Entry)> LeafOfAsync(
        NpgsqlConnection connection,
        long sequence,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            select l.leaf_index, l.entry, exists (select 1 from {S}.mt_events e where e.seq_id = @sequence)
            from (select 1) one left join {S}.{LedgerSchema.Leaves} l on l.seq_id = @sequence
            """;
        command.Parameters.AddWithValue("sequence", sequence);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (!reader.IsDBNull(0))
            return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        throw new NotFound(reader.GetBoolean(2)
            ? $"Event {sequence} is not in the Merkle log yet; it joins at the next checkpoint."
            : $"No event has the sequence {sequence}.");
    }

    private static async Task<Checkpoint> CheckpointAsync(NpgsqlConnection connection, long? size, CancellationToken ct)
    {
        var checkpoints = await MerkleLog.CheckpointsAsync(connection, size, ct);
        return checkpoints.LastOrDefault() ?? throw new NotFound(size is null
            ? "No checkpoint has been signed yet."
            : $"No checkpoint has the size {size}.");
    }

    private static List<byte[]> Leaves(List<byte[]> entries) => [.. entries.Select(e => MerkleTree.LeafHash(e))];

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
