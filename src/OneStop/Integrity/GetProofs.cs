using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Integrity;

public static class GetProofsEndpoint
{
    /// <summary>Proof that one event is in a checkpoint (the latest unless a size is given).</summary>
    [WolverineGet("/api/ledger/proofs/inclusion")]
    [Authorize(Policy = Access.Integrity)]
    public static Task<InclusionAnswer> Inclusion(long? sequence, long? size, LedgerProofs proofs, HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        var valid = InspectorAccess.Positive(sequence, "sequence");
        if (size is not null)
            InspectorAccess.Positive(size, "size");
        return proofs.InclusionAsync(valid, size, http.RequestAborted);
    }

    /// <summary>Proof that checkpoint `from` is a prefix of checkpoint `to`.</summary>
    [WolverineGet("/api/ledger/proofs/consistency")]
    [Authorize(Policy = Access.Integrity)]
    public static Task<ConsistencyAnswer> Consistency(long? from, long? to, LedgerProofs proofs, HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        var first = InspectorAccess.Positive(from, "from");
        var second = InspectorAccess.Positive(to, "to");
        if (first > second)
            throw InvalidInput.Field("from", "The earlier checkpoint must not be larger than the later one.");
        return proofs.ConsistencyAsync(first, second, http.RequestAborted);
    }

    /// <summary>Everything to check one event offline; `from` adds consistency with a published checkpoint.</summary>
    [WolverineGet("/api/ledger/bundles/{sequence}")]
    [Authorize(Policy = Access.Integrity)]
    public static Task<ProofBundle> Bundle(
        long sequence,
        long? size,
        long? from,
        LedgerProofs proofs,
        HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        InspectorAccess.Positive(sequence, "sequence");
        if (size is not null)
            InspectorAccess.Positive(size, "size");
        if (from is not null)
            InspectorAccess.Positive(from, "from");
        return proofs.BundleAsync(sequence, size, from, http.RequestAborted);
    }
}
