using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.Deciding;

/// <summary>The unit head approves or rejects.</summary>
public sealed record DecideDossier(int Version, Outcome Outcome, [property: Required, MaxLength(4000)] string Reason)
    : IVersioned;

public static class DecideDossierEndpoint
{
    [WolverinePost("/api/dossiers/{id}/decision")]
    [Authorize(Policy = Access.UnitHead)]
    public static Task<CommandAccepted> Post(
        Guid id,
        DecideDossier? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(DecideDossier command, Dossier dossier, CommandContext context)
    {
        // Rule 7: only a unit head approves, and only for a step their unit holds.
        context.Actor.RequireRole(Roles.UnitHead);
        dossier.RequireStatus("decided", DossierStatus.InProcessing);
        dossier.RequireHeldBy(context.Actor);
        return [new DecisionMade(command.Outcome, command.Reason, context.Actor, context.Now)];
    }
}
