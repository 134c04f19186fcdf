using JasperFx.Events;
using Marten.Events.Aggregation;
using OneStop.Dossiers;

namespace OneStop.Projections.Oversight;

/// <summary>
/// What the compliance and transparency reports need about one dossier: instants and counts only,
/// never a judgement that depends on when it is read (see <see cref="DossierJudgement"/>).
/// </summary>
public sealed class DossierFacts
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string ProcedureName { get; set; } = "";
    public string HandlingUnit { get; set; } = "";
    public Channel Channel { get; set; }
    public string HoldingUnit { get; set; } = "";
    public string? HoldingOfficer { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? ReceivedByUnit { get; set; }
    public string? ReceivedByOfficer { get; set; }
    public DateTimeOffset? OriginalAppointment { get; set; }

    /// <summary>The legal appointment and each change of it (restart after a supplement, apology).</summary>
    public List<AppointmentChange> Appointments { get; set; } = [];

    public List<SupplementFact> Supplements { get; set; } = [];
    public List<DateTimeOffset> Apologies { get; set; } = [];
    public List<HandOverFact> HandOvers { get; set; } = [];

    /// <summary>The deadline of the step the dossier is in: rule 3's hand-over limit, then each step's.</summary>
    public DateTimeOffset? ReceptionHandOverDeadline { get; set; }

    public List<string> DigitisedComponents { get; set; } = [];
    public DateTimeOffset? FinishedAt { get; set; }
    public DossierStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? RefusedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public ReturnMethod? ReturnMethod { get; set; }
    public DateTimeOffset LastEventAt { get; set; }
}

/// <summary>The legal appointment from an instant on.</summary>
public sealed record AppointmentChange(DateTimeOffset At, DateTimeOffset Appointment);

/// <summary>One supplement request; those after reception pause the national clock until answered.</summary>
public sealed record SupplementFact(
    int Number,
    DateTimeOffset RequestedAt,
    bool AfterReception,
    DateTimeOffset? ProvidedAt = null);

/// <summary>One hand-over and the deadline of the step it closed.</summary>
public sealed record HandOverFact(
    long Sequence,
    DateTimeOffset At,
    string GivenBy,
    string ToUnit,
    string? ToOfficer,
    DateTimeOffset? ClosedStepDeadline,
    DateTimeOffset? StepDeadline,
    bool Corrected = false)
{
    public bool Late => !Corrected && ClosedStepDeadline is { } deadline && At > deadline;
}

/// <summary>Builds <see cref="DossierFacts"/> from one dossier's events; time comes only from the events.</summary>
public sealed class DossierFactsProjection : SingleStreamProjection<DossierFacts, Guid>
{
    public const string ProjectionName = "DossierFacts";

    public DossierFactsProjection() => Name = ProjectionName;

    public static DossierFacts Create(IEvent<DossierSubmitted> e) => new()
    {
        Id = e.Data.DossierId,
        Version = (int)e.Version,
        Code = e.Data.Code,
        ProcedureCode = e.Data.ProcedureCode,
        ProcedureName = e.Data.ProcedureName,
        HandlingUnit = e.Data.HandlingUnit,
        Channel = e.Data.Channel,
        HoldingUnit = e.Data.By.Unit,
        Status = DossierStatus.Submitted,
        SubmittedAt = e.Data.At.ToUniversalTime(),
        LastEventAt = e.Data.At.ToUniversalTime(),
    };

    public static void Apply(IEvent<ComponentDigitised> e, DossierFacts f)
    {
        if (!f.DigitisedComponents.Contains(e.Data.ComponentId))
            f.DigitisedComponents.Add(e.Data.ComponentId);
        Touch(f, e, e.Data.At);
    }

    public static void Apply(IEvent<DossierReceived> e, DossierFacts f)
    {
        f.Status = DossierStatus.Received;
        f.ReceivedAt = e.Data.At;
        f.OriginalAppointment = e.Data.Appointment;
        if (e.Data.Appointment is { } appointment)
            f.Appointments.Add(new AppointmentChange(e.Data.At, appointment));
        f.ReceptionHandOverDeadline = e.Data.HandOverDeadline;
        f.HoldingUnit = f.ReceivedByUnit = e.Data.By.Unit;
        f.HoldingOfficer = f.ReceivedByOfficer = e.Data.By.OfficerId;
        Touch(f, e, e.Data.At);
    }

    public static void Apply(IEvent<DossierRefused> e, DossierFacts f)
    {
        f.RefusedAt = e.Data.At;
        Finish(f, e, DossierStatus.Refused, e.Data.At);
    }

    public static void Apply(IEvent<SupplementRequested> e, DossierFacts f)
    {
        f.Supplements.Add(new SupplementFact(e.Data.RequestNumber, e.Data.At, f.ReceivedAt is not null));
        f.Status = DossierStatus.AwaitingSupplement;
        Touch(f, e, e.Data.At);
    }

    public static void Apply(IEvent<SupplementProvided> e, DossierFacts f)
    {
        var p = e.Data;
        f.Supplements = [.. f.Supplements.Select(s => s.Number == p.RequestNumber && s.ProvidedAt is null
            ? s with { ProvidedAt = p.At }
            : s)];
        f.Status = f.ReceivedAt is null ? DossierStatus.Submitted
            : f.HandOvers.Any(h => !h.Corrected) ? DossierStatus.InProcessing : DossierStatus.Received;
        if (p.RestartedAppointment is { } restarted)
            f.Appointments.Add(new AppointmentChange(p.At, restarted));
        Touch(f, e, p.At);
    }

    public static void Apply(IEvent<DossierHandedOver> e, DossierFacts f)
    {
        var h = e.Data;
        f.HandOvers.Add(new HandOverFact(e.Sequence, h.At, h.By.OfficerId, h.ToUnit, h.ToOfficer,
            CurrentStepDeadline(f), h.StepDeadline));
        f.HoldingUnit = h.ToUnit;
        f.HoldingOfficer = h.ToOfficer;
        if (f.Status == DossierStatus.Received)
            f.Status = DossierStatus.InProcessing;
        Touch(f, e, h.At);
    }

    public static void Apply(IEvent<DelayApologised> e, DossierFacts f)
    {
        f.Apologies.Add(e.Data.At);
        f.Appointments.Add(new AppointmentChange(e.Data.At, e.Data.NewAppointment));
        Touch(f, e, e.Data.At);
    }

    public static void Apply(IEvent<DecisionMade> e, DossierFacts f)
    {
        f.DecidedAt = e.Data.At;
        Finish(f, e, DossierStatus.Processed, e.Data.At);
    }

    public static void Apply(IEvent<ResultReturned> e, DossierFacts f)
    {
        f.ReturnedAt = e.Data.At;
        f.ReturnMethod = e.Data.Method;
        Finish(f, e, DossierStatus.ResultReturned, e.Data.At);
    }

    public static void Apply(IEvent<DossierWithdrawn> e, DossierFacts f)
    {
        f.WithdrawnAt = e.Data.At;
        Finish(f, e, DossierStatus.Withdrawn, e.Data.At);
    }

    public static void Apply(IEvent<ProcessingStopped> e, DossierFacts f)
    {
        f.StoppedAt = e.Data.At;
        Finish(f, e, DossierStatus.Stopped, e.Data.At);
    }

    public static void Apply(IEvent<ConsultationRequested> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<ConsultationReplied> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<ResultIssued> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<FeePaid> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<ReceptionDeadlineMissed> e, DossierFacts f) => Touch(f, e, e.Data.AnsweredAt);
    public static void Apply(IEvent<PostalPickupRecorded> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<PostalHandedToReception> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<ResultHandedToPost> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<ResultDelivered> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<ResultDeliveryFailed> e, DossierFacts f) => Touch(f, e, e.Data.At);
    public static void Apply(IEvent<DeadlineAlertRaised> e, DossierFacts f) => Touch(f, e, e.Data.At);

    public static void Apply(IEvent<EventCorrected> e, DossierFacts f)
    {
        var c = e.Data;
        if (c.CorrectedEventType == nameof(ComponentDigitised))
            f.DigitisedComponents.Remove(c.CorrectedKey);
        if (c.CorrectedEventType == nameof(DossierHandedOver))
        {
            f.HandOvers = [.. f.HandOvers.Select(h =>
                h.Sequence == c.CorrectsSequence ? h with { Corrected = true } : h)];
            var holder = f.HandOvers.LastOrDefault(h => !h.Corrected);
            f.HoldingUnit = holder?.ToUnit ?? f.ReceivedByUnit ?? f.HoldingUnit;
            f.HoldingOfficer = holder is null ? f.ReceivedByOfficer : holder.ToOfficer;
        }
        Touch(f, e, c.At);
    }

    private static DateTimeOffset? CurrentStepDeadline(DossierFacts f) =>
        f.HandOvers.LastOrDefault(h => !h.Corrected) is { } last ? last.StepDeadline : f.ReceptionHandOverDeadline;

    private static void Finish(DossierFacts f, IEvent e, DossierStatus status, DateTimeOffset at)
    {
        f.Status = status;
        // The finishing instant is the decision, else the return, else the refusal, stop or withdrawal.
        f.FinishedAt ??= at.ToUniversalTime();
        Touch(f, e, at);
    }

    // The duplicated columns are timestamptz, which Npgsql writes only from UTC instants; events appended by
    // the demo seeder (and imported history) carry Hanoi offsets.
    private static void Touch(DossierFacts f, IEvent e, DateTimeOffset at)
    {
        f.Version = (int)e.Version;
        f.LastEventAt = at.ToUniversalTime();
    }
}
