using OneStop.Auth;
using OneStop.Problems;

namespace OneStop.Dossiers;

/// <summary>The lifecycle rules of DESIGN.md, as guards the pure decisions share.</summary>
public static class Rules
{
    public const string Lifecycle = "lifecycle";
    public const string CompleteBeforeReception = "rule-1-complete-dossier";
    public const string OneSupplementRequestListsAll = "rule-1-one-supplement-request";
    public const string SupplementWithinThreeDays = "rule-5-supplement-within-3-working-days";
    public const string ApologyInTime = "rule-6-apology-one-working-day-before";
    public const string NewAppointmentOnce = "rule-6-new-appointment-once";
    public const string NewAppointmentLater = "rule-6-new-appointment-later";
    public const string ResultIssuedAndPaid = "rule-8-result-issued-and-fee-paid";
    public const string EarlyReturnNotice = "rule-8-early-return-needs-notice";
    public const string PostalTracking = "rule-8-postal-return-needs-tracking-number";
    public const string WithdrawBeforeDecision = "rule-9-withdraw-before-decision";
    public const string CorrectableEvent = "rule-9-correctable-event";
    public const string StepUnit = "rule-7-step-unit";
    public const string FeeReceiptOnce = "fee-receipt-once";
    public const string KnownStep = "known-step";
    public const string ConsultationOpen = "consultation-open";

    public static void RequireStatus(this Dossier dossier, string action, params DossierStatus[] allowed)
    {
        if (!allowed.Contains(dossier.Status))
            throw new RuleViolation(Lifecycle,
                $"A dossier that is {dossier.Status} cannot be {action}; it must be " +
                $"{string.Join(" or ", allowed)}.");
    }

    /// <summary>Rule 7: only officers of the unit that holds the current step may act on it.</summary>
    public static void RequireHeldBy(this Dossier dossier, Actor actor)
    {
        if (!string.Equals(dossier.HoldingUnit, actor.Unit, StringComparison.OrdinalIgnoreCase))
            throw new NotAllowed(
                $"Rule 7: the dossier is held by unit '{dossier.HoldingUnit}', not by '{actor.Unit}'.");
    }

    /// <summary>
    /// Rule 7 at the one-stop desk: a reception officer acts for the agency's desk only, so a reception token of
    /// another unit cannot take a dossier in. Vietnam Post staff serve at the desk from their own units.
    /// </summary>
    public static void RequireDeskOfficer(this CommandContext context)
    {
        var actor = context.Actor;
        if (actor.Role == Roles.Reception
            && !string.Equals(actor.Unit, context.Agency.ReceptionUnit, StringComparison.OrdinalIgnoreCase))
            throw new NotAllowed(
                $"Rule 7: reception is the one-stop desk's ('{context.Agency.ReceptionUnit}'), not '{actor.Unit}'s.");
    }

    /// <summary>
    /// Rule 7 for work any officer role may do (digitising, fees): the desk while the dossier waits for
    /// reception or at the counter, otherwise the unit that holds it.
    /// </summary>
    public static void RequireDeskOrHolder(this Dossier dossier, CommandContext context)
    {
        if (dossier.ReceivedAt is null || context.Actor.Role is Roles.Reception or Roles.Postal)
        {
            context.Actor.RequireRole(Roles.Reception, Roles.Postal);
            context.RequireDeskOfficer();
        }
        else
        {
            dossier.RequireHeldBy(context.Actor);
        }
    }

    /// <summary>Rule 4: an online dossier answered after 8 working hours records the breach.</summary>
    public static IEnumerable<object> ReceptionBreach(this Dossier dossier, DateTimeOffset answeredAt)
    {
        if (dossier.ReceptionDeadline is { } deadline && answeredAt > deadline)
            yield return new ReceptionDeadlineMissed(deadline, answeredAt);
    }

    public static void Require(bool condition, string rule, string detail)
    {
        if (!condition)
            throw new RuleViolation(rule, detail);
    }

    public static readonly string[] Officers = [Roles.Reception, Roles.Handler, Roles.UnitHead, Roles.Postal];
    public static readonly string[] UnitOfficers = [Roles.Handler, Roles.UnitHead];
}
