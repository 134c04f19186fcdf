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
