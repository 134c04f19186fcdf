using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Integrity;

public static class GetCheckpointsEndpoint
{
    [WolverineGet("/api/ledger/checkpoints/latest")]
    [Authorize(Policy = Access.Integrity)]
    public static async Task<Checkpoint> Latest(MerkleLog log, HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        return (await log.CheckpointsAsync(http.RequestAborted)).LastOrDefault()
            ?? throw new NotFound("No checkpoint has been signed yet.");
    }

    /// <summary>Every checkpoint, oldest first: the same lines as the published checkpoints file.</summary>
    [WolverineGet("/api/ledger/checkpoints")]
    [Authorize(Policy = Access.Integrity)]
    public static async Task<IReadOnlyList<Checkpoint>> All(MerkleLog log, HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        return await log.CheckpointsAsync(http.RequestAborted);
    }

    /// <summary>The checkpoint signer's public key, to pin in the offline verifier.</summary>
    [WolverineGet("/api/ledger/public-key")]
    [Authorize(Policy = Access.Integrity)]
    public static IResult PublicKey(LedgerSigningKey key, HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        return Results.Text(key.PublicKeyPem, "application/x-pem-file");
    }
}
