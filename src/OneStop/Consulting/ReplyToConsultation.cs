using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Consulting;

/// <summary>Record the consulted agency's reply.</summary>
public sealed record ReplyToConsultation(int Version, [property: Required, MaxLength(4000)] string Reply)
    : IVersioned;

public static class ReplyToConsultationEndpoint
{
    [WolverinePost("/api/dossiers/{id}/consultations/{number}/reply")]
    [Authorize(Policy = Access.HandlingUnit)]
    public static Task<CommandAccepted> Post(
        Guid id,
        int number,
        ReplyToConsultation? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, (c, dossier, context) => Decide(number, c, dossier, context));

    public static IEnumerable<object> Decide(
        int number,
        ReplyToConsultation command,
        Dossier dossier,
        CommandContext context)
    {
        context.Actor.RequireRole(Rules.UnitOfficers);
        dossier.RequireHeldBy(context.Actor);
        if (number < 1 || number > dossier.Consultations)
            throw new NotFound($"The dossier has no consultation {number}.");
        Rules.Require(dossier.OpenConsultations.Contains(number), Rules.ConsultationOpen,
            $"Consultation {number} is not awaiting a reply.");
        return [new ConsultationReplied(number, command.Reply, context.Actor, context.Now)];
    }
}
