using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Dossiers;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.HandingOver;

/// <summary>Move the dossier to a processing step held by a unit (and optionally an officer).</summary>
public sealed record HandOverDossier(
    int Version,
    int Step,
    [property: Required, MaxLength(40)] string Unit,
    [property: MaxLength(100)] string? Officer = null) : IVersioned;

public static class HandOverDossierEndpoint
{
    [WolverinePost("/api/dossiers/{id}/handovers")]
    [Authorize(Policy = Access.Processing)]
    public static Task<CommandAccepted> Post(
        Guid id,
        HandOverDossier? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(HandOverDossier command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Rules.Officers);
        dossier.RequireStatus("handed over", DossierStatus.Received, DossierStatus.InProcessing);
        dossier.RequireHeldBy(context.Actor);
        Rules.Require(command.Step >= 1 && command.Step <= dossier.Steps.Count, Rules.KnownStep,
            $"The procedure has steps 1 to {dossier.Steps.Count}; there is no step {command.Step}.");
        if (!context.IsKnownUnit(command.Unit))
            throw InvalidInput.Field("unit", $"'{command.Unit}' is not a known unit.");

        var step = dossier.Steps[command.Step - 1];
        // Rule 7: the procedure names the unit that holds each step; a dossier cannot be sent elsewhere.
        Rules.Require(string.IsNullOrEmpty(step.Unit)
            || string.Equals(step.Unit, command.Unit.Trim(), StringComparison.OrdinalIgnoreCase), Rules.StepUnit,
            $"Rule 7: step {command.Step} ({step.Name}) is held by unit {step.Unit}, not {command.Unit}.");
        DateTimeOffset? stepDeadline = step.Limit is { } limit
            ? context.Calendar.Schedule(context.Now, limit).Appointment
            : null;
        return
        [
            new DossierHandedOver(command.Step, step.Name, dossier.HoldingUnit, command.Unit.ToUpperInvariant(),
                command.Officer, stepDeadline, context.Actor, context.Now),
        ];
    }
}
