using System.Text.Json;
using OneStop.Integrity;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrity;

/// <summary>The Merkle log follows RFC 6962 exactly, so any CT-style tool can recompute our roots.</summary>
public sealed class when_hashing_the_merkle_log
{
    private static readonly JsonElement Cases = JsonDocument.Parse(
        File.ReadAllText(SharedCases.PathOf("merkle-rfc6962.json", "Integrity"))).RootElement;

    private static readonly List<byte[]> Leaves = [.. Cases.GetProperty("leaves").EnumerateArray()
        .Select(l => MerkleTree.LeafHash(Convert.FromHexString(l.GetString()!)))];

    public static TheoryData<long, string> Roots()
    {
        var data = new TheoryData<long, string>();
        foreach (var root in Cases.GetProperty("roots").EnumerateArray())
            data.Add(root.GetProperty("size").GetInt64(), root.GetProperty("rootHash").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void every_published_root_is_reproduced(long size, string rootHash) =>
        Convert.ToHexStringLower(MerkleTree.Root(Leaves, size)).ShouldBe(rootHash);

    [Fact]
    public void every_inclusion_proof_verifies_and_a_wrong_leaf_does_not()
    {
        for (var size = 1; size <= Leaves.Count; size++)
        {
            var root = MerkleTree.Root(Leaves, size);
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.InclusionProof(Leaves, index, size);
                MerkleTree.VerifyInclusion(Leaves[index], index, size, path, root)
                    .ShouldBeTrue($"leaf {index} of {size}");
                MerkleTree.VerifyInclusion(Leaves[(index + 1) % Leaves.Count], index, size, path, root)
                    .ShouldBeFalse($"a wrong leaf at {index} of {size}");
            }
        }
    }

    [Fact]
    public void every_consistency_proof_verifies_and_a_rewritten_history_does_not()
    {
        var rewritten = Leaves.ToList();
        rewritten[0] = MerkleTree.LeafHash([0xFF]);
        var pairs = from second in Enumerable.Range(1, Leaves.Count)
                    from first in Enumerable.Range(1, second)
                    select (first, second);
        foreach (var (first, second) in pairs)
        {
            var proof = MerkleTree.ConsistencyProof(Leaves, first, second);
            MerkleTree.VerifyConsistency(first, second, MerkleTree.Root(Leaves, first),
                MerkleTree.Root(Leaves, second), proof).ShouldBeTrue($"{first} → {second}");

            var forged = MerkleTree.ConsistencyProof(rewritten, first, second);
            MerkleTree.VerifyConsistency(first, second, MerkleTree.Root(Leaves, first),
                MerkleTree.Root(rewritten, second), forged).ShouldBeFalse($"rewritten {first} → {second}");
        }
    }
}
