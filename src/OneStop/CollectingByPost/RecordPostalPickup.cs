using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.CollectingByPost;

/// <summary>A postal officer collected the paper dossier at the applicant's address, as a postal item.</summary>
public sealed record RecordPostalPickup(
    int Version,
    [property: Required, MaxLength(60), RegularExpression("^[0-9A-Za-z-]{4,60}$")] string PostalItemNumber)
    : IVersioned;

public static class RecordPostalPickupEndpoint
{
    [WolverinePost("/api/dossiers/{id}/postal/pickup")]
    [Authorize(Policy = Access.Post)]
    public static Task<CommandAccepted> Post(
        Guid id,
        RecordPostalPickup? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(RecordPostalPickup command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Postal);
        Rules.Require(dossier.Channel == Channel.Postal, PostalRules.PostalChannel,
            "Only a dossier submitted through the postal channel is collected by the post.");
        dossier.RequireStatus("collected by the post", DossierStatus.Submitted);
        Rules.Require(dossier.PostalItemNumber is null, PostalRules.PostalSequence,
            $"The post already collected this dossier as item {dossier.PostalItemNumber}.");
        return [new PostalPickupRecorded(command.PostalItemNumber.Trim(), context.Actor, context.Now)];
    }
}

/// <summary>The rules of the postal steps (Vietnam Post) that the decisions share.</summary>
public static class PostalRules
{
    public const string PostalChannel = "postal-channel";
    public const string PostalSequence = "postal-sequence";
    public const string DossierStillWithPost = "postal-dossier-at-desk";

    /// <summary>A dossier the post collected is received or refused only once the post handed it to the desk.</summary>
    public static void RequireAtDesk(this Dossier dossier) =>
        Rules.Require(dossier.PostalItemNumber is null || dossier.PostalHandedToReception, DossierStillWithPost,
            "The post collected this dossier but has not handed it to the one-stop desk yet.");
}
