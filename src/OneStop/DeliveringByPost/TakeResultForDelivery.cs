using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.CollectingByPost;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.DeliveringByPost;

/// <summary>
/// A postal officer takes the result returned by post (rule 8) from the desk, under the tracking number the
/// return recorded. Returning stays the desk's act; this records who of the post carries it.
/// </summary>
public sealed record TakeResultForDelivery(
    int Version,
    [property: Required, MaxLength(60)] string TrackingNumber) : IVersioned;

public static class TakeResultForDeliveryEndpoint
{
    [WolverinePost("/api/dossiers/{id}/postal/result")]
    [Authorize(Policy = Access.Post)]
    public static Task<CommandAccepted> Post(
        Guid id,
        TakeResultForDelivery? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(TakeResultForDelivery command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Postal);
        dossier.RequireStatus("handed to the post", DossierStatus.ResultReturned);
        Rules.Require(dossier.ReturnMethod == ReturnMethod.Postal, PostalRules.PostalChannel,
            "The result was not returned by post.");
        Rules.Require(string.Equals(dossier.TrackingNumber, command.TrackingNumber.Trim(), StringComparison.Ordinal),
            PostalRules.PostalSequence, "The tracking number differs from the one the return recorded.");
        Rules.Require(!dossier.ResultWithPost, PostalRules.PostalSequence, "The post already took this result.");
        return [new ResultHandedToPost(dossier.TrackingNumber!, context.Actor, context.Now)];
    }
}
