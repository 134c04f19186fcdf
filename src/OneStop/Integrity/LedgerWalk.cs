using Npgsql;

namespace OneStop.Integrity;

/// <summary>One sequence number as the three tables know it: the event, its recorded hash, its log leaf.</summary>
internal sealed record Row(
    long Sequence,
    bool HasEvent,
    Guid? Stream,
    long? Version,
    string? Canonical,
    bool HasHash,
    Guid? HashStream,
    long? HashVersion,
    byte[]? Hash,
    long? LeafIndex,
    byte[]? Entry,
    bool Tombstone)
{
    public static Row Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetBoolean(1), Get<Guid>(r, 2), Get<long>(r, 3), r.IsDBNull(4) ? null : r.GetString(4),
        r.GetBoolean(5), Get<Guid>(r, 6), Get<long>(r, 7), r.IsDBNull(8) ? null : r.GetFieldValue<byte[]>(8),
        Get<long>(r, 9), r.IsDBNull(10) ? null : r.GetFieldValue<byte[]>(10), !r.IsDBNull(11) && r.GetBoolean(11));

    private static T? Get<T>(NpgsqlDataReader r, int i) where T : struct =>
        r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}

/// <summary>
/// The verifier's state while it walks the ledger in sequence order: each dossier's recomputed chain, the
/// recomputed Merkle leaves, and the first problem met (the walk stops there).
/// </summary>
internal sealed class LedgerWalk(IReadOnlyDictionary<Guid, string> codes)
{
    private readonly Dictionary<Guid, (long Version, byte[] Hash)> chains = [];
    private readonly List<long> intact = [];
    private (long Sequence, Guid Stream, long Version)? unlogged;

    public List<byte[]> Leaves { get; } = [];
    public List<(long Sequence, Guid Stream)> LeafOrigins { get; } = [];
    public LedgerProblem? Problem { get; private set; }
    public long Events { get; private set; }
    public long LastSequence { get; private set; }

    public string? CodeOf(Guid? stream) => stream is { } id && codes.TryGetValue(id, out var code) ? code : null;

    public long LastIntactBefore(long sequence) => intact.LastOrDefault(s => s < sequence);

    public void Visit(Row row)
    {
        Problem = Check(row);
        if (Problem is not null)
            return;
        Events++;
        LastSequence = row.Sequence;
        intact.Add(row.Sequence);
    }

    private LedgerProblem? Check(Row row)
    {
        if (!row.HasEvent)
            return Fail("missing", row, row.HashStream, row.HashVersion,
                "The ledger recorded this event, but it is no longer in the event table.");
        var stream = row.Stream!.Value;
        var version = row.Version!.Value;
        if (!row.HasHash)
            return Fail("extra", row, stream, version,
                "The hash trigger never recorded this event: it was inserted behind the ledger's back.");
        if (row.HashStream != stream || row.HashVersion != version)
            return Fail("reordered", row, stream, version,
                $"This sequence number was recorded for version {row.HashVersion} of stream {row.HashStream}; " +
                "the event now stored here was moved.");

        // A tombstone fills a sequence number a failed append had reserved; it belongs to no dossier, its version
        // is its sequence, and the trigger chains it from genesis. It still enters the Merkle log below.
        var tombstone = row.Tombstone && CodeOf(stream) is null;
        var (lastVersion, previous) = tombstone ? (version - 1, EventChain.Genesis)
            : chains.GetValueOrDefault(stream, (0, EventChain.Genesis));
        if (version > lastVersion + 1)
            return Fail("missing", row, stream, lastVersion + 1,
                $"Version {lastVersion + 1} of this dossier is missing before version {version}.");
        if (version <= lastVersion)
            return Fail("reordered", row, stream, version,
                $"Version {version} comes after version {lastVersion} of the same dossier.");

        var hash = EventChain.Hash(previous, row.Canonical!);
        if (!hash.AsSpan().SequenceEqual(row.Hash))
            return Fail("altered", row, stream, version,
                "The event's type, data or metadata no longer hash to what the ledger recorded.");
        if (row.LeafIndex is { } leaf)
        {
            if (unlogged is { } slipped)
                return new LedgerProblem("extra", slipped.Sequence, CodeOf(slipped.Stream), slipped.Stream,
                    slipped.Version, "This event is not in the Merkle log although later events are: it was " +
                    "slipped in under the log.");
            if (leaf != Leaves.Count)
                return Fail("reordered", row, stream, version,
                    $"The Merkle log holds this event at leaf {leaf}, expected {Leaves.Count}.");
            if (!hash.AsSpan().SequenceEqual(row.Entry))
                return Fail("altered", row, stream, version,
                    "The event and its recorded hash were rewritten, but the Merkle log still holds the original.");
            Leaves.Add(MerkleTree.LeafHash(hash));
            LeafOrigins.Add((row.Sequence, stream));
        }
        else
        {
            // Fine for the tail the log has not reached yet; before a logged event it is a forgery.
            unlogged ??= (row.Sequence, stream, version);
        }

        if (!tombstone)
            chains[stream] = (version, hash);
        return null;
    }

    private LedgerProblem Fail(string kind, Row row, Guid? stream, long? version, string detail) =>
        new(kind, row.Sequence, CodeOf(stream), stream, version, detail);
}
