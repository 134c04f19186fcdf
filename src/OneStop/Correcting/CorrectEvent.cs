using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Correcting;

/// <summary>Compensate a mistaken event, with a reason; the unit head acting is the approving officer.</summary>
public sealed record CorrectEvent(
    int Version,
    [property: Range(typeof(long), "1", "9223372036854775807")] long Corrects,
    [property: Required, MaxLength(2000)] string Reason) : IVersioned;

public static class CorrectEventEndpoint
{
    [WolverinePost("/api/dossiers/{id}/corrections")]
    [Authorize(Policy = Access.UnitHead)]
    public static Task<CommandAccepted> Post(
        Guid id,
        CorrectEvent? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(CorrectEvent command, Dossier dossier, CommandContext context)
    {
        // Rule 9: nothing is deleted; only events whose effect can be undone on their own are compensated.
        // Decisions, receptions and returns are final and are answered by new events instead.
        context.Actor.RequireRole(Roles.UnitHead);
        // Rule 7: the head of the unit holding the dossier approves; or of the unit whose officer made the event.
        var heldHere = string.Equals(dossier.HoldingUnit, context.Actor.Unit, StringComparison.OrdinalIgnoreCase);
        var madeHere = dossier.Correctables.TryGetValue(command.Corrects, out var made)
            && string.Equals(made.Unit, context.Actor.Unit, StringComparison.OrdinalIgnoreCase);
        if (!heldHere && !madeHere)
            throw new NotAllowed($"Rule 7: a correction is approved by the head of unit {dossier.HoldingUnit} " +
                "(holding the dossier) or of the unit that made the event.");
        Rules.Require(!dossier.Status.IsClosed(), Rules.CorrectableEvent, $"The dossier is {dossier.Status}.");
        Rules.Require(dossier.Correctables.TryGetValue(command.Corrects, out var target), Rules.CorrectableEvent,
            $"Event {command.Corrects} of this dossier cannot be corrected: only digitised components, fee " +
            "payments, issued results and hand-overs can, and each once.");
        var latestHandOver = dossier.Holdings[^1].Sequence == command.Corrects;
        Rules.Require(target!.EventType != nameof(DossierHandedOver) || latestHandOver,
            Rules.CorrectableEvent, "Only the latest hand-over can be corrected.");
        Rules.Require(target.EventType != nameof(ResultIssued) || dossier.ResultSha256 == target.Key,
            Rules.CorrectableEvent, "Only the current result can be corrected.");
        return
        [
            new EventCorrected(command.Corrects, target.EventType, target.Key, command.Reason, context.Actor.OfficerId,
                context.Actor, context.Now),
        ];
    }
}
