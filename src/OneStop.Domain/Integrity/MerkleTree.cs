using System.Numerics;
using System.Security.Cryptography;

namespace OneStop.Integrity;

/// <summary>
/// RFC 6962 / RFC 9162 Merkle tree hashing over leaf hashes: tree heads, inclusion and consistency proofs,
/// and their verification. Leaves are hashed with a 0x00 prefix and nodes with 0x01, so a leaf can never be
/// passed off as an inner node.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>The tree hash of no leaves: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot => SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        Span<byte> input = new byte[entry.Length + 1];
        input[0] = 0x00;
        entry.CopyTo(input[1..]);
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + left.Length + right.Length];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The tree hash of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, long size)
    {
        if (size < 0 || size > leafHashes.Count)
            throw new ArgumentOutOfRangeException(nameof(size), "The tree cannot be larger than its leaves.");
        return size == 0 ? EmptyRoot : Subtree(leafHashes, 0, (int)size);
    }

    /// <summary>The audit path proving leaf <paramref name="index"/> is in the tree of the given size.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long index, long size)
    {
        if (size > leafHashes.Count || index < 0 || index >= size)
            throw new ArgumentOutOfRangeException(nameof(index), "The leaf must lie inside the tree.");
        var path = new List<byte[]>();
        Path(leafHashes, (int)index, 0, (int)size, path);
        return path;
    }

    /// <summary>The proof that the tree of size <paramref name="first"/> is a prefix of the tree of size
    /// <paramref name="second"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long first, long second)
    {
        if (second > leafHashes.Count || first < 0 || first > second)
            throw new ArgumentOutOfRangeException(nameof(first), "Sizes must satisfy 0 <= first <= second.");
        var proof = new List<byte[]>();
        if (first > 0 && first < second)
            SubProof(leafHashes, (int)first, 0, (int)second, true, proof);
        return proof;
    }

    /// <summary>RFC 9162 §2.1.3.2: does the audit path lead from the leaf hash to the root?</summary>
    public static bool VerifyInclusion(
        ReadOnlySpan<byte> leafHash,
        long index,
        long size,
        IReadOnlyList<byte[]> path,
        ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
            return false;
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 §2.1.4.2: does the proof show the first tree is a prefix of the second?</summary>
    public static bool VerifyConsistency(
        long first,
        long second,
        ReadOnlySpan<byte> firstRoot,
        ReadOnlySpan<byte> secondRoot,
        IReadOnlyList<byte[]> proof)
    {
        if (first < 0 || first > second)
            return false;
        if (first == second)
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        if (first == 0)
            return proof.Count == 0;
        if (proof.Count == 0)
            return false;

        var path = BitOperations.IsPow2(first) ? [firstRoot.ToArray(), .. proof] : proof.ToList();
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
            return leaves[start];
        var k = SplitPoint(count);
        return NodeHash(Subtree(leaves, start, k), Subtree(leaves, start + k, count - k));
    }

    private static void Path(IReadOnlyList<byte[]> leaves, int index, int start, int count, List<byte[]> path)
    {
        if (count == 1)
            return;
        var k = SplitPoint(count);
        if (index < k)
        {
            Path(leaves, index, start, k, path);
            path.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            Path(leaves, index - k, start + k, count - k, path);
            path.Add(Subtree(leaves, start, k));
        }
    }

    private static void SubProof(
        IReadOnlyList<byte[]> leaves,
        int first,
        int start,
        int count,
        bool whole,
        List<byte[]> proof)
    {
        if (first == count)
        {
            if (!whole)
                proof.Add(Subtree(leaves, start, count));
            return;
        }

        var k = SplitPoint(count);
        if (first <= k)
        {
            SubProof(leaves, first, start, k, whole, proof);
            proof.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            SubProof(leaves, first - k, start + k, count - k, false, proof);
            proof.Add(Subtree(leaves, start, k));
        }
    }

    /// <summary>The largest power of two smaller than <paramref name="count"/> (count &gt; 1).</summary>
    private static int SplitPoint(int count) => 1 << (BitOperations.Log2((uint)count - 1));
}
