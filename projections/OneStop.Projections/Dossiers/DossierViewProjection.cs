using JasperFx.Events;
using Marten.Events.Aggregation;
using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Projections.Dossiers;

/// <summary>Builds <see cref="DossierView"/> from one dossier's events; time comes only from the events.</summary>
public sealed partial class DossierViewProjection : SingleStreamProjection<DossierView, Guid>
{
    public static DossierView Create(IEvent<DossierSubmitted> e)
    {
        var s = e.Data;
        return new DossierView
        {
            Id = s.DossierId,
            Version = (int)e.Version,
            Code = s.Code,
            Status = DossierStatus.Submitted,
            ProcedureCode = s.ProcedureCode,
            ProcedureVersion = s.ProcedureVersion,
            ProcedureName = s.ProcedureName,
            HandlingUnit = s.HandlingUnit,
            Channel = s.Channel,
            ApplicantId = s.ApplicantId,
            ApplicantKind = s.ApplicantKind,
            TimeLimit = s.TimeLimit,
            FeeVnd = s.FeeVnd,
            HoldingUnit = s.By.Unit,
            SubmittedAt = s.At,
            ReceptionDeadline = s.ReceptionDeadline,
            Components = [.. s.Components.Select(c => new ComponentView(c.Id, c.Name, c.Required, c.Provided))],
            LastChangedAt = s.At,
        };
    }

    public static void Apply(IEvent<ComponentDigitised> e, DossierView view)
    {
        var d = e.Data;
        view.Components = [.. view.Components.Select(c => c.Id == d.ComponentId
            ? c with { Provided = true, Sha256 = d.Sha256, FileName = d.FileName, PageCount = d.PageCount }
            : c)];
        Touch(view, e, d.At);
    }

    public static void Apply(IEvent<DossierReceived> e, DossierView view)
    {
        var r = e.Data;
        view.Status = DossierStatus.Received;
        view.ReceivedAt = r.At;
        view.Appointment = view.OriginalAppointment = r.Appointment;
        view.AppointmentProvisional = r.AppointmentProvisional;
        view.HandOverDeadline = r.HandOverDeadline;
        view.HoldingUnit = r.By.Unit;
        view.HoldingOfficer = r.By.OfficerId;
        Touch(view, e, r.At);
    }

    public static void Apply(IEvent<DossierRefused> e, DossierView view) =>
        Finish(view, e, DossierStatus.Refused, e.Data.At, e.Data.Reason);

    public static void Apply(IEvent<ReceptionDeadlineMissed> e, DossierView view)
    {
        view.ReceptionDeadlineMissed = true;
        Touch(view, e, e.Data.AnsweredAt);
    }

    public static void Apply(IEvent<SupplementRequested> e, DossierView view)
    {
        var r = e.Data;
        view.Status = DossierStatus.AwaitingSupplement;
        // Rule 4: the request answers an online dossier; no reception deadline runs after it.
        if (!r.AfterAppraisal)
            view.ReceptionDeadline = null;
        view.Supplements.Add(new SupplementView(r.RequestNumber, r.Missing, r.Reason, r.AfterAppraisal, r.At));
        Touch(view, e, r.At);
    }

    public static void Apply(IEvent<SupplementProvided> e, DossierView view)
    {
        var p = e.Data;
        var provided = p.Components.ToHashSet(StringComparer.OrdinalIgnoreCase);
        view.Components = [.. view.Components.Select(c => provided.Contains(c.Id) ? c with { Provided = true } : c)];
        view.Supplements = [.. view.Supplements.Select(s => s.Number == p.RequestNumber && s.ProvidedAt is null
            ? s with { ProvidedAt = p.At }
            : s)];
        view.Status = view.ReceivedAt is null ? DossierStatus.Submitted
            : view.HandOvers.Count > 0 ? DossierStatus.InProcessing : DossierStatus.Received;
        if (p.RestartedAppointment is { } restarted)
        {
            view.Appointment = restarted;
            view.AppointmentProvisional = p.AppointmentProvisional;
        }

        Touch(view, e, p.At);
    }

    public static void Apply(IEvent<DossierHandedOver> e, DossierView view)
    {
        var h = e.Data;
        view.HandOvers.Add(new HandOverView(e.Sequence, h.Step, h.StepName, h.FromUnit, h.ToUnit, h.ToOfficer,
            h.By.OfficerId, h.At, h.StepDeadline));
        MoveTo(view, h.Step, h.StepName, h.ToUnit, h.ToOfficer, h.StepDeadline);
        if (view.Status == DossierStatus.Received)
            view.Status = DossierStatus.InProcessing;
        Touch(view, e, h.At);
    }

    public static void Apply(IEvent<ConsultationRequested> e, DossierView view)
    {
        var c = e.Data;
        view.Consultations.Add(new ConsultationView(c.Number, c.Agency, c.Question, c.At));
        Touch(view, e, c.At);
    }

    public static void Apply(IEvent<ConsultationReplied> e, DossierView view)
    {
        var r = e.Data;
        view.Consultations = [.. view.Consultations.Select(c => c.Number == r.Number
            ? c with { Reply = r.Reply, RepliedAt = r.At }
            : c)];
        Touch(view, e, r.At);
    }

    public static void Apply(IEvent<DelayApologised> e, DossierView view)
    {
        var d = e.Data;
        view.Delay = new DelayView(d.Reason, d.PreviousAppointment, d.NewAppointment, d.At);
        view.Appointment = d.NewAppointment;
        Touch(view, e, d.At);
    }

    public static void Apply(IEvent<DecisionMade> e, DossierView view)
    {
        view.Outcome = e.Data.Outcome;
        Finish(view, e, DossierStatus.Processed, e.Data.At, null);
    }

    public static void Apply(IEvent<ResultIssued> e, DossierView view)
    {
        view.ResultNumber = e.Data.ResultNumber;
        view.ResultSha256 = e.Data.DocumentSha256;
        Touch(view, e, e.Data.At);
    }

    public static void Apply(IEvent<FeePaid> e, DossierView view)
    {
        view.FeePaidVnd += e.Data.Amount;
        Touch(view, e, e.Data.At);
    }

    public static void Apply(IEvent<ResultReturned> e, DossierView view)
    {
        var r = e.Data;
        view.ReturnedAt = r.At;
        view.ReturnMethod = r.Method;
        view.TrackingNumber = r.TrackingNumber;
        Finish(view, e, DossierStatus.ResultReturned, r.At, null);
    }

    public static void Apply(IEvent<DossierWithdrawn> e, DossierView view) =>
        Finish(view, e, DossierStatus.Withdrawn, e.Data.At, e.Data.Reason);

    public static void Apply(IEvent<ProcessingStopped> e, DossierView view) =>
        Finish(view, e, DossierStatus.Stopped, e.Data.At, e.Data.Reason);

    public static void Apply(IEvent<EventCorrected> e, DossierView view)
    {
        var c = e.Data;
        view.Corrections.Add(
            new CorrectionView(c.CorrectsSequence, c.CorrectedEventType, c.Reason, c.ApprovedBy, c.At));
        DossierCorrections.Undo(view, c.CorrectsSequence, c.CorrectedEventType, c.CorrectedKey);
        Touch(view, e, c.At);
    }

    internal static void MoveTo(DossierView view, int step, string? name, string unit, string? officer,
        DateTimeOffset? deadline)
    {
        view.CurrentStep = step;
        view.StepName = name;
        view.HoldingUnit = unit;
        view.HoldingOfficer = officer;
        view.StepDeadline = deadline;
    }

    private static void Finish(DossierView view, IEvent e, DossierStatus status, DateTimeOffset at, string? reason)
    {
        view.Status = status;
        view.ClosingReason = reason ?? view.ClosingReason;
        // The finishing instant is the decision, else the return, else the refusal, stop or withdrawal.
        if (view.FinishedAt is null)
        {
            view.FinishedAt = at;
            view.FinishedTimeliness = view.Appointment is { } appointment
                ? WorkingCalendar.Vietnam.Judge(appointment, at)
                : null;
        }

        Touch(view, e, at);
    }

    private static void Touch(DossierView view, IEvent e, DateTimeOffset at)
    {
        view.Version = (int)e.Version;
        view.LastChangedAt = at;
    }
}
