using Npgsql;
using OneStop.Hosting;

namespace OneStop.Integrity;

/// <summary>What is wrong with one event: altered, missing, reordered, extra, or the ledger truncated.</summary>
public sealed record LedgerProblem(
    string Kind,
    long? Sequence,
    string? DossierCode,
    Guid? StreamId,
    long? Version,
    string Detail);

/// <summary>The verdict of one walk over the whole ledger.</summary>
public sealed record VerificationReport(
    bool Intact,
    string Summary,
    long EventsChecked,
    long IntactThroughSequence,
    long LoggedEvents,
    int CheckpointsChecked,
    LedgerProblem? FirstProblem);

/// <summary>
/// Walks every event in sequence order and trusts nothing the database says about itself: each hash is
/// recomputed from the row, each dossier's chain re-linked, and the Merkle roots recomputed against every
/// signed checkpoint (the database's and the published ones), whose signatures need the key the database
/// never holds.
/// </summary>
public sealed class LedgerVerifier(MerkleLog log, LedgerSigningKey key, PublishedCheckpoints published)
{
    private const string S = LedgerSetup.Schema;

    public async Task<VerificationReport> VerifyAsync(IReadOnlyList<Checkpoint> brought, CancellationToken ct)
    {
        await using var connection = await log.OpenAsync(ct);
        var codes = await DossierCodesAsync(connection, ct);
        var walk = new LedgerWalk(codes);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = WalkSql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (walk.Problem is null && await reader.ReadAsync(ct))
                walk.Visit(Row.Read(reader));
        }

        var checkpoints = (await MerkleLog.CheckpointsAsync(connection, null, ct))
            .Concat(published.ReadAll()).Concat(brought).ToList();
        var problem = CheckCheckpoints(walk, checkpoints) ?? walk.Problem;
        return Report(walk, checkpoints.Count, problem);
    }

    private LedgerProblem? CheckCheckpoints(LedgerWalk walk, IReadOnlyList<Checkpoint> checkpoints)
    {
        using var publicKey = LedgerSigningKey.PublicKey(key.PublicKeyPem);
        var verifiedSize = 0L;
        foreach (var checkpoint in checkpoints.OrderBy(c => c.Size))
        {
            if (!checkpoint.IsSignedBy(publicKey))
                return new LedgerProblem("forged-checkpoint", null, null, null, null,
                    $"Checkpoint {checkpoint.Size} is not signed by the ledger key.");
            if (checkpoint.Size > walk.Leaves.Count)
            {
                // Past a broken event the walk stops, so only an intact walk can call the ledger short.
                if (walk.Problem is not null)
                    continue;
                return new LedgerProblem("truncated", walk.LastSequence + 1, null, null, null,
                    $"Checkpoint {checkpoint.Size} was signed over {checkpoint.Size} logged events, but the " +
                    $"ledger holds only {walk.Leaves.Count}: everything after sequence {walk.LastSequence} is gone.");
            }

            if (!MerkleTree.Root(walk.Leaves, checkpoint.Size).AsSpan().SequenceEqual(checkpoint.Root()))
            {
                var (sequence, stream) = walk.LeafOrigins[(int)verifiedSize];
                return new LedgerProblem("altered", sequence, walk.CodeOf(stream), stream, null,
                    $"The events logged between leaves {verifiedSize} and {checkpoint.Size - 1} no longer hash " +
                    $"to signed checkpoint {checkpoint.Size}: one at or after sequence {sequence} was rewritten " +
                    "together with its stored hashes.");
            }

            verifiedSize = checkpoint.Size;
        }

        return null;
    }

    private static VerificationReport Report(LedgerWalk walk, int checkpoints, LedgerProblem? problem)
    {
        var through = problem?.Sequence is { } broken ? walk.LastIntactBefore(broken) : walk.LastSequence;
        var summary = problem is null
            ? $"Intact up to sequence {through}: {walk.Events} events, {walk.Leaves.Count} logged, " +
              $"{checkpoints} signed checkpoints agree."
            : $"Broken: {problem.Kind} event" +
              (problem.Sequence is null ? "" : $" at sequence {problem.Sequence}") +
              (problem.DossierCode is null ? "" : $" in dossier {problem.DossierCode}") +
              $". {problem.Detail}";
        return new VerificationReport(problem is null, summary, walk.Events, through, walk.Leaves.Count, checkpoints,
            problem);
    }

    private static async Task<Dictionary<Guid, string>> DossierCodesAsync(NpgsqlConnection connection,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"select stream_id, data ->> 'code' from {S}.mt_events where version = 1 and data ? 'code'";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var codes = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(ct))
            codes[reader.GetGuid(0)] = reader.GetString(1);
        return codes;
    }

    private static readonly string WalkSql = $"""
        select coalesce(e.seq_id, h.seq_id, l.seq_id),
               e.seq_id is not null, e.stream_id, e.version,
               case when e.seq_id is null then null else {LedgerSchema.Canonical("e")} end,
               h.seq_id is not null, h.stream_id, h.version, h.hash,
               l.leaf_index, l.entry, e.type = '{LedgerSchema.TombstoneType}'
        from {S}.mt_events e
        full join {S}.{LedgerSchema.Hashes} h on h.seq_id = e.seq_id
        full join {S}.{LedgerSchema.Leaves} l on l.seq_id = coalesce(e.seq_id, h.seq_id)
        order by 1
        """;
}
