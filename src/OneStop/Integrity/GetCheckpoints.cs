using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Integrity;

public static class GetCheckpointsEndpoint
{
    [WolverineGet("/api/ledger/checkpoints/latest")]
    public static async Task<Checkpoint> Latest(MerkleLog log, HttpContext http)
    {
        InspectorAccess.Require(http);
        return (await log.CheckpointsAsync(http.RequestAborted)).LastOrDefault()
            ?? throw new NotFound("No checkpoint has been signed yet.");
    }

    /// <summary>Every checkpoint, oldest first: the same lines as the published checkpoints file.</summary>
    [WolverineGet("/api/ledger/checkpoints")]
    public static async Task<IReadOnlyList<Checkpoint>> All(MerkleLog log, HttpContext http)
    {
        InspectorAccess.Require(http);
        return await log.CheckpointsAsync(http.RequestAborted);
    }

    /// <summary>The checkpoint signer's public key, to pin in the offline verifier.</summary>
    [WolverineGet("/api/ledger/public-key")]
    public static IResult PublicKey(LedgerSigningKey key, HttpContext http)
    {
        InspectorAccess.Require(http);
        return Results.Text(key.PublicKeyPem, "application/x-pem-file");
    }
}
