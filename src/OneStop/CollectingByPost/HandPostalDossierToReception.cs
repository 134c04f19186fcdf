using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.CollectingByPost;

/// <summary>The postal officer hands the collected dossier to the one-stop desk.</summary>
public sealed record HandPostalDossierToReception(int Version) : IVersioned;

public static class HandPostalDossierToReceptionEndpoint
{
    [WolverinePost("/api/dossiers/{id}/postal/handover")]
    [Authorize(Policy = Access.Post)]
    public static Task<CommandAccepted> Post(
        Guid id,
        HandPostalDossierToReception? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(
        HandPostalDossierToReception command,
        Dossier dossier,
        CommandContext context)
    {
        context.Actor.RequireRole(Roles.Postal);
        dossier.RequireStatus("handed to reception", DossierStatus.Submitted);
        Rules.Require(dossier.PostalItemNumber is not null, PostalRules.PostalSequence,
            "The post has not recorded collecting this dossier.");
        Rules.Require(!dossier.PostalHandedToReception, PostalRules.PostalSequence,
            "The post already handed this dossier to the desk.");
        return [new PostalHandedToReception(dossier.PostalItemNumber!, context.Actor, context.Now)];
    }
}
