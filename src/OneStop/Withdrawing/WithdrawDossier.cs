using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.Withdrawing;

/// <summary>The applicant withdraws the dossier (notice of stopping).</summary>
public sealed record WithdrawDossier(int Version, [property: Required, MaxLength(2000)] string Reason) : IVersioned;

public static class WithdrawDossierEndpoint
{
    [WolverinePost("/api/dossiers/{id}/withdrawal")]
    [Authorize(Policy = Access.Desk)]
    public static Task<CommandAccepted> Post(
        Guid id,
        WithdrawDossier? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(WithdrawDossier command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Reception, Roles.Postal);
        Rules.Require(!dossier.Status.IsDecidedOrClosed(), Rules.WithdrawBeforeDecision,
            $"Rule 9: withdrawal is possible only until a decision is made; the dossier is {dossier.Status}.");
        return [new DossierWithdrawn(command.Reason, context.Actor, context.Now)];
    }
}
