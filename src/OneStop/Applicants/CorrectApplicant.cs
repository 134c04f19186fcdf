using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Applicants;

/// <summary>Correct the applicant's personal data: the whole corrected record, and why.</summary>
public sealed record CorrectApplicant(
    [property: Required, MaxLength(2000)] string Reason,
    [property: Required] ApplicantDetails Applicant);

/// <summary>What changed, by field name only.</summary>
public sealed record ApplicantRecordChange(Guid DossierId, IReadOnlyList<string> Fields, DateTimeOffset At);

public static class CorrectApplicantEndpoint
{
    public const string Erased = "applicant-record-erased";

    /// <summary>
    /// Rule 11: the record changes, the events never do. The dossier's submission keeps the hash of the data
    /// it relied on; the access log records the correction, the fields and the new hash, never the values.
    /// </summary>
    [WolverinePost("/api/dossiers/{id}/applicant/corrections")]
    [Authorize(Policy = Access.ApplicantRecords)]
    public static async Task<ApplicantRecordChange> Post(
        Guid id,
        CorrectApplicant? command,
        IDocumentStore store,
        HttpContext http,
        DossierCommandRunner runner)
    {
        Access.Demand(http, Access.ApplicantRecords);
        var valid = InputRules.Check(command);
        InputRules.Check(valid.Applicant);
        var origin = runner.OriginOf(http);

        await using var query = store.QuerySession();
        var (_, record) = await ReadApplicantEndpoint.LoadAsync(query, id, http.RequestAborted);
        Rules.Require(record.ErasedAt is null, Erased, "The applicant record was erased; there is nothing to correct.");
        var fields = record.Correct(valid.Applicant);
        if (fields.Count == 0)
            throw InvalidInput.Field("applicant", "The corrected record is the same as the current one.");

        var corrected = new ApplicantRecordCorrected(id, record.Id, fields, record.DataHash(), valid.Reason.Trim(),
            origin.Actor, origin.Now);
        await AccessLogWriter.AppendAsync(store, origin, id, corrected, s => s.Store(record), http.RequestAborted);
        return new ApplicantRecordChange(id, fields, origin.Now);
    }
}
