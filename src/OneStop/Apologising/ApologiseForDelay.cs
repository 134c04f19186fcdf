using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Dossiers;
using Wolverine.Http;

namespace OneStop.Apologising;

/// <summary>The dossier will be late: apologise, give the reason and a new appointment (form 4).</summary>
public sealed record ApologiseForDelay(
    int Version,
    [property: Required, MaxLength(2000)] string Reason,
    DateTimeOffset NewAppointment) : IVersioned;

public static class ApologiseForDelayEndpoint
{
    [WolverinePost("/api/dossiers/{id}/delays")]
    [Authorize(Policy = Access.HandlingUnit)]
    public static Task<CommandAccepted> Post(
        Guid id,
        ApologiseForDelay? command,
        IDocumentSession session,
        HttpContext http,
        DossierCommandRunner runner) =>
        runner.Run(session, http, id, command, Decide);

    public static IEnumerable<object> Decide(ApologiseForDelay command, Dossier dossier, CommandContext context)
    {
        context.Actor.RequireRole(Rules.UnitOfficers);
        dossier.RequireStatus("delayed", DossierStatus.Received, DossierStatus.InProcessing,
            DossierStatus.AwaitingSupplement, DossierStatus.AwaitingFee);
        dossier.RequireHeldBy(context.Actor);
        Rules.Require(dossier.Appointment is not null, Rules.Lifecycle, "The dossier has no appointment to move.");
        Rules.Require(!dossier.Apologised, Rules.NewAppointmentOnce,
            "Rule 6: the new appointment can be set only once.");
        var current = dossier.Appointment!.Value;
        var latest = context.Calendar.ApologyDeadline(current);
        Rules.Require(context.Now <= latest, Rules.ApologyInTime,
            $"Rule 6: the apology must be filed at least one working day before the appointment (by {latest:O}).");
        Rules.Require(command.NewAppointment > current, Rules.NewAppointmentLater,
            "Rule 6: the new appointment must be later than the current one.");
        return [new DelayApologised(command.Reason, current, command.NewAppointment, context.Actor, context.Now)];
    }
}
