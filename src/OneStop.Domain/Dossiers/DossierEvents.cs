using OneStop.Calendar;

namespace OneStop.Dossiers;

/// <summary>Who acted: the officer, their role and unit, and whom they acted for.</summary>
public sealed record Actor(string OfficerId, string Role, string Unit, string? OnBehalfOf = null)
{
    public static readonly Actor Applicant = new("applicant", "applicant", "public");
}

/// <summary>How a dossier reached the one-stop shop.</summary>
public enum Channel
{
    Counter,
    Kiosk,
    Online,
    Postal,
}

/// <summary>A component the procedure asks for, as listed on one dossier.</summary>
public sealed record ComponentEntry(string Id, string Name, bool Required, bool Provided);

/// <summary>A processing step the dossier will go through, copied from its procedure version.</summary>
public sealed record PlannedStep(string Name, string Unit, TimeLimit? Limit);

/// <summary>A dossier was handed in. Personal data stays in the applicant record.</summary>
public sealed record DossierSubmitted(
    Guid DossierId,
    string Code,
    string ProcedureCode,
    int ProcedureVersion,
    string ProcedureName,
    string HandlingUnit,
    TimeLimit? TimeLimit,
    long? FeeVnd,
    IReadOnlyList<PlannedStep> Steps,
    Channel Channel,
    Guid ApplicantId,
    string ApplicantKind,
    string ApplicantDataHash,
    IReadOnlyList<ComponentEntry> Components,
    DateTimeOffset? ReceptionDeadline,
    Actor By,
    DateTimeOffset At);

/// <summary>A paper or uploaded component was digitised and fingerprinted.</summary>
public sealed record ComponentDigitised(
    string ComponentId,
    string FileName,
    string Sha256,
    long SizeBytes,
    int? PageCount,
    Actor By,
    DateTimeOffset At);

/// <summary>The complete, valid dossier was received: the clock starts now.</summary>
public sealed record DossierReceived(
    DateTimeOffset? Appointment,
    bool AppointmentProvisional,
    DateTimeOffset? HandOverDeadline,
    Actor By,
    DateTimeOffset At);

/// <summary>Reception refused the dossier (form 3).</summary>
public sealed record DossierRefused(string Reason, Actor By, DateTimeOffset At);

/// <summary>An online dossier was not answered within 8 working hours (rule 4).</summary>
public sealed record ReceptionDeadlineMissed(DateTimeOffset Deadline, DateTimeOffset AnsweredAt);

/// <summary>The applicant was asked for every missing item at once (form 2).</summary>
public sealed record SupplementRequested(
    int RequestNumber,
    IReadOnlyList<string> Missing,
    string Reason,
    bool AfterAppraisal,
    Actor By,
    DateTimeOffset At);

/// <summary>The applicant handed in the requested items; the legal time limit restarts.</summary>
public sealed record SupplementProvided(
    int RequestNumber,
    IReadOnlyList<string> Components,
    DateTimeOffset? RestartedAppointment,
    bool AppointmentProvisional,
    Actor By,
    DateTimeOffset At);

/// <summary>The dossier moved to the next step (one row of the control slip, form 5).</summary>
public sealed record DossierHandedOver(
    int Step,
    string StepName,
    string FromUnit,
    string ToUnit,
    string? ToOfficer,
    DateTimeOffset? StepDeadline,
    Actor By,
    DateTimeOffset At);

/// <summary>Another agency was consulted.</summary>
public sealed record ConsultationRequested(int Number, string Agency, string Question, Actor By, DateTimeOffset At);

/// <summary>A consulted agency replied.</summary>
public sealed record ConsultationReplied(int Number, string Reply, Actor By, DateTimeOffset At);

/// <summary>The dossier will be late: an apology with a reason and a new appointment (form 4).</summary>
public sealed record DelayApologised(
    string Reason,
    DateTimeOffset PreviousAppointment,
    DateTimeOffset NewAppointment,
    Actor By,
    DateTimeOffset At);

/// <summary>Approved or rejected.</summary>
public enum Outcome
{
    Approved,
    Rejected,
}

/// <summary>The unit head decided; the dossier is processed.</summary>
public sealed record DecisionMade(Outcome Outcome, string Reason, Actor By, DateTimeOffset At);

/// <summary>The result document was issued.</summary>
public sealed record ResultIssued(string DocumentSha256, string ResultNumber, Actor By, DateTimeOffset At);

/// <summary>The applicant paid the fee.</summary>
public sealed record FeePaid(long Amount, string ReceiptNumber, Actor By, DateTimeOffset At);

/// <summary>How a result goes back to the applicant.</summary>
public enum ReturnMethod
{
    Counter,
    Postal,
    Online,
}

/// <summary>The result went back to the applicant.</summary>
public sealed record ResultReturned(
    ReturnMethod Method,
    string? TrackingNumber,
    bool ApplicantNotifiedOfEarlyReturn,
    Actor By,
    DateTimeOffset At);

/// <summary>The applicant withdrew the dossier before a decision.</summary>
public sealed record DossierWithdrawn(string Reason, Actor By, DateTimeOffset At);

/// <summary>Processing cannot continue.</summary>
public sealed record ProcessingStopped(string Reason, Actor By, DateTimeOffset At);

/// <summary>A mistaken event is compensated; nothing is deleted (rule 9).</summary>
public sealed record EventCorrected(
    long CorrectsSequence,
    string CorrectedEventType,
    string CorrectedKey,
    string Reason,
    string ApprovedBy,
    Actor By,
    DateTimeOffset At);
