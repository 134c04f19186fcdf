using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.RequestingSupplement;

/// <summary>Ask the applicant for every missing item at once (form 2).</summary>
public sealed record RequestSupplement(
    int Version,
    [property: Required, MinLength(1), MaxLength(100)] IReadOnlyList<string> Missing,
    [property: Required, MaxLength(2000)] string Reason) : IVersioned;

public static class RequestSupplementEndpoint
{
    [WolverinePost("/api/dossiers/{id}/supplement-requests")]
    [Authorize(Policy = Access.Processing)]
    public static Task<CommandAccepted> Post(
        Guid id,
        RequestSupplement? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(RequestSupplement command, Dossier dossier, CommandContext context)
    {
        var missing = command.Missing.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (missing.Count == 0)
            throw InvalidInput.Field("missing", "List at least one missing item.");
        var number = dossier.SupplementRequests + 1;

        if (dossier.Status == DossierStatus.Submitted)
        {
            context.Actor.RequireRole(Roles.Reception, Roles.Postal);
            context.RequireDeskOfficer();
            // Rule 1: ONE request, listing every missing component at once; a dossier still incomplete after it
            // is refused, never asked again.
            Rules.Require(dossier.SupplementRequests == 0, Rules.OneSupplementRequestListsAll,
                "Rule 1: this dossier already had its one supplement request at reception; receive it if it is " +
                "complete now, or refuse it with the reason.");
            var components = dossier.Components.Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = missing.Where(m => !components.Contains(m)).ToList();
            if (unknown.Count > 0)
                throw InvalidInput.Field("missing",
                    $"At reception, list components of the procedure; not components: {string.Join(", ", unknown)}.");
            var unlisted = dossier.MissingComponents()
                .Where(c => !missing.Contains(c.Id, StringComparer.OrdinalIgnoreCase)).Select(c => c.Id).ToList();
            Rules.Require(unlisted.Count == 0, Rules.OneSupplementRequestListsAll,
                "Rule 1: one supplement request lists every missing component at once; also missing: " +
                string.Join(", ", unlisted) + ".");
            return
            [
                .. dossier.ReceptionBreach(context.Now),
                new SupplementRequested(number, missing, command.Reason, false, context.Actor, context.Now),
            ];
        }

        dossier.RequireStatus("asked for a supplement", DossierStatus.Received, DossierStatus.InProcessing);
        context.Actor.RequireRole(Rules.UnitOfficers);
        dossier.RequireHeldBy(context.Actor);
        var deadline = context.Calendar.SupplementRequestDeadline(dossier.ReceivedAt!.Value);
        Rules.Require(context.Now <= deadline, Rules.SupplementWithinThreeDays,
            $"Rule 5: a supplement request after appraisal must come within 3 working days of reception " +
            $"(by {deadline:O}).");
        return [new SupplementRequested(number, missing, command.Reason, true, context.Actor, context.Now)];
    }
}
