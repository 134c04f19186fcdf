using System.Text.Json;

namespace OneStop.Integrity;

/// <summary>
/// Everything an inspector needs to check one event offline: the event as stored, the exact canonical text
/// that was hashed, its chain hashes, the signed checkpoint, the inclusion proof and the signer's public key.
/// </summary>
public sealed record ProofBundle(
    string Format,
    long Sequence,
    string? DossierCode,
    JsonElement Event,
    string Canonical,
    string PreviousHash,
    string EventHash,
    long LeafIndex,
    Checkpoint Checkpoint,
    IReadOnlyList<string> InclusionProof,
    string PublicKeyPem,
    ConsistencyEvidence? Consistency = null)
{
    public const string CurrentFormat = "onestop-proof-bundle-v1";
}

/// <summary>Proof that an earlier (published) checkpoint is a prefix of the bundle's checkpoint.</summary>
public sealed record ConsistencyEvidence(long FromSize, string FromRootHash, IReadOnlyList<string> Proof);

/// <summary>A consistency proof between two signed checkpoints, as the service answers it.</summary>
public sealed record ConsistencyAnswer(Checkpoint From, Checkpoint To, IReadOnlyList<string> Proof);

/// <summary>An inclusion proof of one event in one signed checkpoint, as the service answers it.</summary>
public sealed record InclusionAnswer(
    long Sequence,
    long LeafIndex,
    string EventHash,
    string LeafHash,
    Checkpoint Checkpoint,
    IReadOnlyList<string> Proof);
