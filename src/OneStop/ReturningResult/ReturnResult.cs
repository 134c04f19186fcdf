using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.ReturningResult;

/// <summary>Give the result back: at the counter, by post with a tracking number, or online.</summary>
public sealed record ReturnResult(
    int Version,
    ReturnMethod Method,
    [property: MaxLength(60)] string? TrackingNumber = null,
    bool ApplicantNotified = false) : IVersioned;

public static class ReturnResultEndpoint
{
    [WolverinePost("/api/dossiers/{id}/return")]
    [Authorize(Policy = Access.Desk)]
    public static Task<CommandAccepted> Post(
        Guid id,
        ReturnResult? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(ReturnResult command, Dossier dossier, CommandContext context)
    {
        if (command.Method == ReturnMethod.Postal)
            context.Actor.RequireRole(Roles.Reception, Roles.Postal);
        else
            context.Actor.RequireRole(Roles.Reception);
        context.RequireDeskOfficer();
        dossier.RequireStatus("returned", DossierStatus.Processed);
        Rules.Require(dossier.ResultSha256 is not null, Rules.ResultIssuedAndPaid,
            "Rule 8: the result must be issued before it is returned.");
        Rules.Require(!dossier.FeeOutstanding, Rules.ResultIssuedAndPaid,
            $"Rule 8: the fee of {dossier.FeeVnd} VND must be paid before the result is returned.");
        Rules.Require(command.Method != ReturnMethod.Postal || !string.IsNullOrWhiteSpace(command.TrackingNumber),
            Rules.PostalTracking, "Rule 8: a result returned by post needs its tracking number.");
        var early = dossier.Appointment is { } appointment && context.Now < appointment;
        Rules.Require(!early || command.ApplicantNotified, Rules.EarlyReturnNotice,
            "Rule 8: returning before the appointment means telling the applicant first (applicantNotified).");
        return
        [
            new ResultReturned(command.Method, command.TrackingNumber, early && command.ApplicantNotified,
                context.Actor, context.Now),
        ];
    }
}
