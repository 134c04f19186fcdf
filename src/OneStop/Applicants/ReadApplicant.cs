using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using Wolverine.Http;

namespace OneStop.Applicants;

/// <summary>The applicant's personal data on one dossier, as the reading officer saw it.</summary>
public sealed record ApplicantAnswer(
    Guid DossierId,
    Guid ApplicantId,
    string Kind,
    string Name,
    string? IdentityNumber,
    string? Phone,
    string? Email,
    string? Address,
    DateTimeOffset? ErasedAt,
    DateTimeOffset ReadAt);

public static class ReadApplicantEndpoint
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Every read is recorded in the dossier's access log before the data leaves, with who, when and why;
    /// the applicant sees it through tracking. Inspectors must say why; handling units read only dossiers
    /// their unit holds.
    /// </summary>
    [WolverineGet("/api/dossiers/{id}/applicant")]
    [Authorize(Policy = Access.PersonalData)]
    public static async Task<ApplicantAnswer> Get(
        Guid id,
        string? reason,
        IDocumentStore store,
        HttpContext http,
        DossierCommandRunner runner)
    {
        Access.Demand(http, Access.PersonalData);
        var origin = runner.OriginOf(http);
        var why = ReasonOf(reason, required: origin.Actor.Role == Roles.Inspector);

        await using var query = store.QuerySession();
        var (view, record) = await LoadAsync(query, id, http.RequestAborted);
        if (origin.Actor.Role is Roles.Handler or Roles.UnitHead
            && !string.Equals(view.HoldingUnit, origin.Actor.Unit, StringComparison.OrdinalIgnoreCase))
            throw new NotAllowed($"Rule 7: the dossier is held by unit '{view.HoldingUnit}', not by yours.");

        await AccessLogWriter.AppendAsync(store, origin, id, new PersonalDataRead(id, why, origin.Actor, origin.Now),
            null, http.RequestAborted);
        return new ApplicantAnswer(id, record.Id, record.Kind, record.Name, record.IdentityNumber, record.Phone,
            record.Email, record.Address, record.ErasedAt, origin.Now);
    }

    public static async Task<(DossierView View, ApplicantRecord Record)> LoadAsync(
        IQuerySession session,
        Guid id,
        CancellationToken ct)
    {
        var view = await session.LoadAsync<DossierView>(id, ct) ?? throw new NotFound($"No dossier has the id {id}.");
        var record = await session.LoadAsync<ApplicantRecord>(view.ApplicantId, ct)
            ?? throw new NotFound($"Dossier {id} has no applicant record.");
        return (view, record);
    }

    /// <summary>A reason from the query string passes the same checks as JSON strings.</summary>
    public static string? ReasonOf(string? reason, bool required)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return required
                ? throw InvalidInput.Field("reason", "Inspectors give the reason for reading personal data.")
                : null;
        var clean = SafeStringConverter.Clean(reason.Trim());
        if (clean is null || clean.Length > MaxReasonLength)
            throw InvalidInput.Field("reason",
                $"The reason holds at most {MaxReasonLength} characters and no control characters.");
        return clean;
    }
}
