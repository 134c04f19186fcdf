using OneStop.Calendar;
using OneStop.Dossiers;
using OneStop.Projections.Dossiers;

namespace OneStop.Integrations.Alerts;

/// <summary>An alert the dossier's current deadlines call for: what, about which deadline, and when it fires.</summary>
public sealed record PlannedAlert(DeadlineAlertKind Kind, DateTimeOffset Due, DateTimeOffset FireAt, int? Step);

/// <summary>
/// The deadline alerts a dossier needs now, computed from its view and the working calendar alone, so the
/// same function plans them after a command and tells a firing alert whether it still stands.
/// </summary>
public static class DeadlineAlertPlan
{
    /// <summary>Rule 4's 8 working hours get their due-soon warning two working hours before the end.</summary>
    public static readonly TimeSpan ReceptionLead = TimeSpan.FromHours(2);

    public static IReadOnlyList<PlannedAlert> For(DossierView view, WorkingCalendar calendar)
    {
        var alerts = new List<PlannedAlert>();

        void Watch(DateTimeOffset due, DeadlineAlertKind soon, DeadlineAlertKind overdue, TimeSpan lead, int? step)
        {
            // A deadline already within its lead when it was set was "due soon" from the start: no warning.
            var soonAt = calendar.SubtractWorkingTime(due, lead);
            if (soonAt > view.LastChangedAt)
                alerts.Add(new PlannedAlert(soon, due, soonAt, step));
            alerts.Add(new PlannedAlert(overdue, due, due, step));
        }

        if (view.Status == DossierStatus.Submitted && view.ReceptionDeadline is { } reception)
            Watch(reception, DeadlineAlertKind.ReceptionDueSoon, DeadlineAlertKind.ReceptionOverdue, ReceptionLead,
                null);

        // While the applicant owes a supplement the clock does not run for the agency: nothing to warn about.
        if (view.Status is DossierStatus.Received or DossierStatus.InProcessing or DossierStatus.AwaitingFee)
        {
            if (view.Appointment is { } appointment)
                Watch(appointment, DeadlineAlertKind.AppointmentDueSoon, DeadlineAlertKind.AppointmentOverdue,
                    calendar.WorkingDayLength, null);
            // Step 0 is the paper dossier's way from the desk to the handling unit (rule 3).
            var stepDeadline = view.CurrentStep == 0 ? view.HandOverDeadline : view.StepDeadline;
            if (stepDeadline is { } step)
                Watch(step, DeadlineAlertKind.StepDueSoon, DeadlineAlertKind.StepOverdue, calendar.WorkingDayLength,
                    view.CurrentStep);
        }

        return alerts;
    }

    /// <summary>Whether an alert planned earlier still matches the dossier's deadlines.</summary>
    public static bool StillStands(DossierView view, WorkingCalendar calendar, DeadlineAlertKind kind,
        DateTimeOffset due, int? step) =>
        For(view, calendar).Any(a => a.Kind == kind && a.Due == due && a.Step == step);
}
