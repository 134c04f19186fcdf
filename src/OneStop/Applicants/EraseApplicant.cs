using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Applicants;

/// <summary>Erase the applicant's personal data, and why (a request under the data protection law, a
/// retention period that ended).</summary>
public sealed record EraseApplicant([property: Required, MaxLength(2000)] string Reason);

public static class EraseApplicantEndpoint
{
    public static readonly IReadOnlyList<string> ErasedFields = ["name", "identityNumber", "phone", "email", "address"];

    /// <summary>
    /// Rule 11: erasing never rewrites an event and never breaks a proof. The record keeps its id and kind;
    /// the name, numbers, contacts, address and the salt go, so the hash in the events points at no one.
    /// </summary>
    [WolverinePost("/api/dossiers/{id}/applicant/erasure")]
    [Authorize(Policy = Access.ApplicantRecords)]
    public static async Task<ApplicantRecordChange> Post(
        Guid id,
        EraseApplicant? command,
        IDocumentStore store,
        HttpContext http,
        DossierCommandRunner runner)
    {
        Access.Demand(http, Access.ApplicantRecords);
        var valid = InputRules.Check(command);
        var origin = runner.OriginOf(http);

        await using var query = store.QuerySession();
        var (_, record) = await ReadApplicantEndpoint.LoadAsync(query, id, http.RequestAborted);
        Rules.Require(record.ErasedAt is null, CorrectApplicantEndpoint.Erased,
            "The applicant record is already erased.");
        record.Erase(origin.Now);

        var erased = new ApplicantRecordErased(id, record.Id, valid.Reason.Trim(), origin.Actor, origin.Now);
        await AccessLogWriter.AppendAsync(store, origin, id, erased, s => s.Store(record), http.RequestAborted);
        return new ApplicantRecordChange(id, ErasedFields, origin.Now);
    }
}
