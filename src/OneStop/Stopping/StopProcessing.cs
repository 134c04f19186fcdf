using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.Stopping;

/// <summary>Processing cannot continue: the unit head stops it with a reason.</summary>
public sealed record StopProcessing(int Version, [property: Required, MaxLength(2000)] string Reason) : IVersioned;

public static class StopProcessingEndpoint
{
    [WolverinePost("/api/dossiers/{id}/stop")]
    [Authorize(Policy = Access.UnitHead)]
    public static Task<CommandAccepted> Post(
        Guid id,
        StopProcessing? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(StopProcessing command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.UnitHead);
        dossier.RequireStatus("stopped", DossierStatus.Received, DossierStatus.InProcessing,
            DossierStatus.AwaitingSupplement, DossierStatus.AwaitingFee);
        dossier.RequireHeldBy(context.Actor);
        return [new ProcessingStopped(command.Reason, context.Actor, context.Now)];
    }
}
