using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.Consulting;

/// <summary>Ask another agency for its opinion.</summary>
public sealed record RequestConsultation(
    int Version,
    [property: Required, MaxLength(200)] string Agency,
    [property: Required, MaxLength(2000)] string Question) : IVersioned;

public static class RequestConsultationEndpoint
{
    [WolverinePost("/api/dossiers/{id}/consultations")]
    [Authorize(Policy = Access.HandlingUnit)]
    public static Task<CommandAccepted> Post(
        Guid id,
        RequestConsultation? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(RequestConsultation command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Rules.UnitOfficers);
        dossier.RequireStatus("sent for consultation", DossierStatus.InProcessing);
        dossier.RequireHeldBy(context.Actor);
        return
        [
            new ConsultationRequested(dossier.Consultations + 1, command.Agency, command.Question, context.Actor,
                context.Now),
        ];
    }
}
