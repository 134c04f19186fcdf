using System.Globalization;
using JasperFx.Events;
using OneStop.Calendar;

namespace OneStop.Dossiers;

/// <summary>The write model of one dossier stream: what the rules need to decide.</summary>
public sealed class Dossier
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public Channel Channel { get; set; }
    public DossierStatus Status { get; set; }
    public TimeLimit? TimeLimit { get; set; }
    public long? FeeVnd { get; set; }
    public List<PlannedStep> Steps { get; set; } = [];
    public List<ComponentEntry> Components { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReceptionDeadline { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? Appointment { get; set; }
    public bool Apologised { get; set; }
    public int CurrentStep { get; set; }
    public string HoldingUnit { get; set; } = "";
    public string? HoldingOfficer { get; set; }
    public int SupplementRequests { get; set; }
    public int Consultations { get; set; }
    public List<int> OpenConsultations { get; set; } = [];
    public Outcome? Outcome { get; set; }
    public string? ResultSha256 { get; set; }
    public int ResultsIssued { get; set; }
    public long FeePaidVnd { get; set; }

    /// <summary>Receipt numbers of the payments standing, by event sequence: a receipt pays once.</summary>
    public Dictionary<long, string> FeeReceipts { get; set; } = [];
    public DossierStatus StatusBeforeSupplement { get; set; }
    public string? PostalItemNumber { get; set; }
    public bool PostalHandedToReception { get; set; }
    public ReturnMethod? ReturnMethod { get; set; }
    public string? TrackingNumber { get; set; }
    public bool ResultWithPost { get; set; }
    public bool ResultDeliveryEnded { get; set; }

    /// <summary>Events a correction may compensate, by global sequence.</summary>
    public Dictionary<long, Correctable> Correctables { get; set; } = [];

    /// <summary>Hand-overs in order, so a corrected one can move the dossier back.</summary>
    public List<Holding> Holdings { get; set; } = [];

    public bool FeeOutstanding => (FeeVnd ?? 0) > FeePaidVnd;

    public void Apply(IEvent<DossierSubmitted> e)
    {
        var submitted = e.Data;
        Id = submitted.DossierId;
        Code = submitted.Code;
        ProcedureCode = submitted.ProcedureCode;
        Channel = submitted.Channel;
        Status = DossierStatus.Submitted;
        TimeLimit = submitted.TimeLimit;
        FeeVnd = submitted.FeeVnd;
        Steps = [.. submitted.Steps];
        Components = [.. submitted.Components];
        SubmittedAt = submitted.At;
        ReceptionDeadline = submitted.ReceptionDeadline;
        HoldingUnit = submitted.By.Unit;
        Holdings.Add(new Holding(e.Sequence, 0, HoldingUnit, null));
    }

    public void Apply(IEvent<ComponentDigitised> e)
    {
        Correctables[e.Sequence] = new Correctable(nameof(ComponentDigitised), e.Data.ComponentId, e.Data.By.Unit);
        MarkProvided([e.Data.ComponentId]);
    }

    public void Apply(DossierReceived e)
    {
        Status = DossierStatus.Received;
        ReceivedAt = e.At;
        Appointment = e.Appointment;
        HoldingUnit = e.By.Unit;
        HoldingOfficer = e.By.OfficerId;
    }

    public void Apply(DossierRefused _) => Status = DossierStatus.Refused;

    public void Apply(SupplementRequested e)
    {
        SupplementRequests = e.RequestNumber;
        // Rule 4: a supplement request answers an online dossier in time; its 8 working hours no longer run.
        if (!e.AfterAppraisal)
            ReceptionDeadline = null;
        StatusBeforeSupplement = Status;
        Status = DossierStatus.AwaitingSupplement;
    }

    public void Apply(SupplementProvided e)
    {
        MarkProvided(e.Components);
        Status = StatusBeforeSupplement;
        if (e.RestartedAppointment is { } restarted)
            Appointment = restarted;
    }

    public void Apply(IEvent<DossierHandedOver> e)
    {
        var handover = e.Data;
        Correctables[e.Sequence] =
            new Correctable(nameof(DossierHandedOver), handover.Step.ToString(CultureInfo.InvariantCulture),
                handover.By.Unit);
        Holdings.Add(new Holding(e.Sequence, handover.Step, handover.ToUnit, handover.ToOfficer));
        MoveTo(handover.Step, handover.ToUnit, handover.ToOfficer);
        if (Status == DossierStatus.Received)
            Status = DossierStatus.InProcessing;
    }

    public void Apply(ConsultationRequested e)
    {
        Consultations = e.Number;
        OpenConsultations.Add(e.Number);
    }

    public void Apply(ConsultationReplied e) => OpenConsultations.Remove(e.Number);

    public void Apply(DelayApologised e)
    {
        Apologised = true;
        Appointment = e.NewAppointment;
    }

    public void Apply(DecisionMade e)
    {
        Outcome = e.Outcome;
        Status = DossierStatus.Processed;
    }

    public void Apply(IEvent<ResultIssued> e)
    {
        Correctables[e.Sequence] = new Correctable(nameof(ResultIssued), e.Data.DocumentSha256, e.Data.By.Unit);
        ResultSha256 = e.Data.DocumentSha256;
        ResultsIssued++;
    }

    public void Apply(IEvent<FeePaid> e)
    {
        Correctables[e.Sequence] =
            new Correctable(nameof(FeePaid), e.Data.Amount.ToString(CultureInfo.InvariantCulture), e.Data.By.Unit);
        FeePaidVnd += e.Data.Amount;
        FeeReceipts[e.Sequence] = e.Data.ReceiptNumber;
    }

    public void Apply(ResultReturned e)
    {
        Status = DossierStatus.ResultReturned;
        ReturnMethod = e.Method;
        TrackingNumber = e.TrackingNumber;
    }

    public void Apply(PostalPickupRecorded e) => PostalItemNumber = e.PostalItemNumber;

    public void Apply(PostalHandedToReception _) => PostalHandedToReception = true;

    public void Apply(ResultHandedToPost _) => ResultWithPost = true;

    public void Apply(ResultDelivered _) => ResultDeliveryEnded = true;

    public void Apply(ResultDeliveryFailed _) => ResultDeliveryEnded = true;

    public void Apply(DossierWithdrawn _) => Status = DossierStatus.Withdrawn;

    public void Apply(ProcessingStopped _) => Status = DossierStatus.Stopped;

    public void Apply(EventCorrected e)
    {
        if (!Correctables.Remove(e.CorrectsSequence, out var corrected))
            return;

        switch (corrected.EventType)
        {
            case nameof(ComponentDigitised):
                Components = [.. Components.Select(c => c.Id == corrected.Key ? c with { Provided = false } : c)];
                break;
            case nameof(FeePaid):
                FeePaidVnd -= long.Parse(corrected.Key, CultureInfo.InvariantCulture);
                // A mistyped payment, once corrected, is recorded again under its own receipt.
                FeeReceipts.Remove(e.CorrectsSequence);
                break;
            case nameof(ResultIssued):
                ResultSha256 = null;
                break;
            case nameof(DossierHandedOver):
                Holdings.RemoveAll(h => h.Sequence == e.CorrectsSequence);
                var previous = Holdings[^1];
                MoveTo(previous.Step, previous.Unit, previous.Officer);
                break;
        }
    }

    private void MoveTo(int step, string unit, string? officer)
    {
        CurrentStep = step;
        HoldingUnit = unit;
        HoldingOfficer = officer;
    }

    private void MarkProvided(IEnumerable<string> componentIds)
    {
        var ids = componentIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Components = [.. Components.Select(c => ids.Contains(c.Id) ? c with { Provided = true } : c)];
    }

    /// <summary>The required components not yet provided.</summary>
    public IReadOnlyList<ComponentEntry> MissingComponents() =>
        [.. Components.Where(c => c.Required && !c.Provided)];
}

/// <summary>An event that a correction may compensate, what it touched, and the unit whose officer made it.</summary>
public sealed record Correctable(string EventType, string Key, string? Unit = null);

/// <summary>Who held the dossier from a hand-over on.</summary>
public sealed record Holding(long Sequence, int Step, string Unit, string? Officer);
