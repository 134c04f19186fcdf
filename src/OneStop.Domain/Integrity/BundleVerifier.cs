using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.Integrity;

/// <summary>One check the offline verifier made and whether it held.</summary>
public sealed record BundleCheck(string Name, bool Passed, string Detail);

/// <summary>
/// Checks a proof bundle without a database: the readable event is the hashed one, the chain hash, the
/// inclusion proof, the checkpoint signature, and optionally agreement with checkpoints published earlier.
/// </summary>
public static class BundleVerifier
{
    public static IReadOnlyList<BundleCheck> Verify(
        ProofBundle bundle,
        string? pinnedPublicKeyPem = null,
        IReadOnlyList<Checkpoint>? published = null)
    {
        var checks = new List<BundleCheck>();
        void Check(string name, bool passed, string detail) => checks.Add(new BundleCheck(name, passed, detail));

        Check("format", bundle.Format == ProofBundle.CurrentFormat, $"bundle format {bundle.Format}");
        Check("event matches canonical text", SameJson(bundle.Canonical, bundle.Event),
            "the readable event is exactly the content that was hashed");

        var eventHash = TryHex(bundle.EventHash);
        var previous = TryHex(bundle.PreviousHash);
        var recomputed = previous is null ? null : EventChain.Hash(previous, bundle.Canonical);
        Check("event hash", recomputed is not null && eventHash is not null && recomputed.SequenceEqual(eventHash),
            "SHA-256(previous hash ‖ canonical bytes) equals the event hash");

        var checkpoint = bundle.Checkpoint;
        var path = bundle.InclusionProof.Select(TryHex).ToList();
        var root = TryHex(checkpoint.RootHash);
        var included = eventHash is not null && root is not null && path.All(p => p is not null) &&
            MerkleTree.VerifyInclusion(MerkleTree.LeafHash(eventHash), bundle.LeafIndex, checkpoint.Size,
                path!, root);
        Check("inclusion", included,
            $"leaf {bundle.LeafIndex} is in the Merkle log of {checkpoint.Size} events " +
            $"with root {checkpoint.RootHash}");

        using var key = TryKey(pinnedPublicKeyPem ?? bundle.PublicKeyPem);
        Check("signature", key is not null && checkpoint.IsSignedBy(key),
            pinnedPublicKeyPem is null
                ? "the checkpoint is signed by the key in the bundle (pin a published key with --key)"
                : "the checkpoint is signed by the pinned key");
        if (pinnedPublicKeyPem is not null)
            Check("bundle key", SamePem(pinnedPublicKeyPem, bundle.PublicKeyPem),
                "the bundle names the pinned key");

        foreach (var earlier in published ?? [])
            checks.Add(CheckPublished(bundle, earlier, key));
        return checks;
    }

    private static BundleCheck CheckPublished(ProofBundle bundle, Checkpoint earlier, ECDsa? key)
    {
        var name = $"published checkpoint {earlier.Size}";
        if (key is null || !earlier.IsSignedBy(key))
            return new BundleCheck(name, false, "its signature does not verify with the key");
        if (earlier.Size > bundle.Checkpoint.Size)
            return new BundleCheck(name, true, "newer than the bundle's checkpoint; nothing to compare");
        if (earlier.Size == bundle.Checkpoint.Size)
            return new BundleCheck(name, earlier.RootHash == bundle.Checkpoint.RootHash,
                "the same size must have the same root");

        var evidence = bundle.Consistency;
        if (evidence is null || evidence.FromSize != earlier.Size)
            return new BundleCheck(name, false,
                $"the bundle carries no consistency proof from size {earlier.Size}; " +
                $"export it with ?from={earlier.Size}");
        var proof = evidence.Proof.Select(TryHex).ToList();
        var consistent = evidence.FromRootHash == earlier.RootHash && proof.All(p => p is not null) &&
            MerkleTree.VerifyConsistency(earlier.Size, bundle.Checkpoint.Size, earlier.Root(),
                bundle.Checkpoint.Root(), proof!);
        return new BundleCheck(name, consistent, consistent
            ? "the ledger still contains it: the bundle's checkpoint extends it"
            : "the bundle's checkpoint does not extend it: history was rewritten or truncated");
    }

    private static bool SameJson(string canonical, JsonElement readable)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(canonical), JsonNode.Parse(readable.GetRawText()));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[]? TryHex(string? hex)
    {
        try
        {
            return hex is null ? null : Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ECDsa? TryKey(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }

    private static bool SamePem(string a, string b)
    {
        using var left = TryKey(a);
        using var right = TryKey(b);
        return left is not null && right is not null &&
            left.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(right.ExportSubjectPublicKeyInfo());
    }
}
