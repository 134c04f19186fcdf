using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.CollectingByPost;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Receiving;

/// <summary>Receive the dossier, or refuse it with a reason (form 3).</summary>
public sealed record ReceiveDossier(int Version, [property: MaxLength(2000)] string? Refuse = null) : IVersioned;

public static class ReceiveDossierEndpoint
{
    [WolverinePost("/api/dossiers/{id}/reception")]
    [Authorize(Policy = Access.Desk)]
    public static Task<CommandAccepted> Post(
        Guid id,
        ReceiveDossier? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(ReceiveDossier command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Roles.Reception, Roles.Postal);
        context.RequireDeskOfficer();
        dossier.RequireStatus("received", DossierStatus.Submitted);
        dossier.RequireAtDesk();
        var answered = dossier.ReceptionBreach(context.Now).ToList();

        if (command.Refuse is not null)
        {
            // A blank refusal is a mistake, never a reception: the officer meant to refuse and gave no reason.
            if (string.IsNullOrWhiteSpace(command.Refuse))
                throw InvalidInput.Field("refuse", "Give the reason for refusing the dossier (form 3).");
            return [.. answered, new DossierRefused(command.Refuse.Trim(), context.Actor, context.Now)];
        }

        var missing = dossier.MissingComponents();
        var listed = string.Join(", ", missing.Select(c => c.Id));
        Rules.Require(missing.Count == 0, Rules.CompleteBeforeReception, dossier.SupplementRequests == 0
            ? "Rule 1: the dossier lacks required components; send one supplement request listing all of them: " +
              $"{listed}."
            : $"Rule 1: the dossier still lacks {listed} after its one supplement request; refuse it with the reason.");

        // Rule 2: the clock starts when the complete, valid dossier is received.
        var schedule = dossier.TimeLimit is { } limit ? context.Calendar.Schedule(context.Now, limit) : null;
        // Rule 3: paper dossiers reach the handling unit the same working day, or the next one after 15:00.
        DateTimeOffset? handOverBy = dossier.Channel is Channel.Counter or Channel.Postal
            ? context.Calendar.HandOverDeadline(context.Now)
            : null;

        return
        [
            .. answered,
            new DossierReceived(schedule?.Appointment, schedule?.Provisional ?? false, handOverBy, context.Actor,
                context.Now),
        ];
    }
}
