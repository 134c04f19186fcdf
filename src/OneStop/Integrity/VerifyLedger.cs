using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using Wolverine.Http;

namespace OneStop.Integrity;

/// <summary>Checkpoints an inspector published earlier and brings along for the walk to honour.</summary>
public sealed record VerifyLedger(IReadOnlyList<Checkpoint>? PublishedCheckpoints = null);

public static class VerifyLedgerEndpoint
{
    [WolverinePost("/api/ledger/verification")]
    [Authorize(Policy = Access.Integrity)]
    public static Task<VerificationReport> Post(VerifyLedger? command, LedgerVerifier verifier, HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        return verifier.VerifyAsync(command?.PublishedCheckpoints ?? [], http.RequestAborted);
    }
}
