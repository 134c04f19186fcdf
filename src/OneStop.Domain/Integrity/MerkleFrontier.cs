namespace OneStop.Integrity;

/// <summary>
/// The right edge of a growing RFC 6962 tree: the roots of its perfect subtrees, largest first, so a tree
/// head after k more leaves costs O(k + log n) hashes instead of rehashing every leaf. Immutable: appending
/// gives a new frontier, and the old one stays valid until the caller adopts the new one.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly (int Height, byte[] Hash)[] peaks;

    private MerkleFrontier((int Height, byte[] Hash)[] peaks, long size)
    {
        this.peaks = peaks;
        Size = size;
    }

    public static MerkleFrontier Empty { get; } = new([], 0);

    public long Size { get; }

    /// <summary>The frontier after the given leaf hashes, in order.</summary>
    public MerkleFrontier Append(IEnumerable<byte[]> leafHashes)
    {
        var stack = new List<(int Height, byte[] Hash)>(peaks);
        var size = Size;
        foreach (var leaf in leafHashes)
        {
            stack.Add((0, leaf));
            size++;
            // Two subtrees of equal height side by side are the two halves of one twice as large.
            while (stack.Count > 1 && stack[^1].Height == stack[^2].Height)
            {
                var (height, right) = stack[^1];
                var left = stack[^2].Hash;
                stack.RemoveRange(stack.Count - 2, 2);
                stack.Add((height + 1, MerkleTree.NodeHash(left, right)));
            }
        }

        return new MerkleFrontier([.. stack], size);
    }

    /// <summary>
    /// The tree head: RFC 6962 splits at the largest power of two below the size, which is exactly folding the
    /// peaks from the right.
    /// </summary>
    public byte[] Root()
    {
        if (peaks.Length == 0)
            return MerkleTree.EmptyRoot;
        var root = peaks[^1].Hash;
        for (var i = peaks.Length - 2; i >= 0; i--)
            root = MerkleTree.NodeHash(peaks[i].Hash, root);
        return root;
    }
}
