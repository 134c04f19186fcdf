using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.CollectingByPost;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.DeliveringByPost;

/// <summary>The post delivered the result, or brings it back undelivered with the reason.</summary>
public sealed record RecordResultDelivery(
    int Version,
    bool Delivered,
    [property: MaxLength(500)] string? Reason = null) : IVersioned;

public static class RecordResultDeliveryEndpoint
{
    [WolverinePost("/api/dossiers/{id}/postal/delivery")]
    [Authorize(Policy = Access.Post)]
    public static Task<CommandAccepted> Post(
        Guid id,
        RecordResultDelivery? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(RecordResultDelivery command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Postal);
        Rules.Require(dossier.ResultWithPost, PostalRules.PostalSequence, "The post has not taken the result yet.");
        Rules.Require(!dossier.ResultDeliveryEnded, PostalRules.PostalSequence,
            "The delivery of this result was already recorded.");
        if (command.Delivered)
            return [new ResultDelivered(dossier.TrackingNumber!, context.Actor, context.Now)];

        Rules.Require(!string.IsNullOrWhiteSpace(command.Reason), PostalRules.PostalSequence,
            "An undelivered result needs the reason the post gives.");
        return [new ResultDeliveryFailed(dossier.TrackingNumber!, command.Reason!.Trim(), context.Actor, context.Now)];
    }
}
