using OneStop.Calendar;
using OneStop.Dossiers;

namespace OneStop.Projections.Dossiers;

/// <summary>Everything about one dossier for officers; the citizen view is a filtered form of it.</summary>
public sealed partial class DossierView
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public DossierStatus Status { get; set; }
    public int NationalStatusCode => (int)Status;
    public string ProcedureCode { get; set; } = "";
    public int ProcedureVersion { get; set; }
    public string ProcedureName { get; set; } = "";
    public string HandlingUnit { get; set; } = "";
    public Channel Channel { get; set; }
    public Guid ApplicantId { get; set; }
    public string ApplicantKind { get; set; } = "";
    public TimeLimit? TimeLimit { get; set; }
    public long? FeeVnd { get; set; }
    public long FeePaidVnd { get; set; }
    public int CurrentStep { get; set; }
    public string? StepName { get; set; }
    public string HoldingUnit { get; set; } = "";
    public string? HoldingOfficer { get; set; }
    public DateTimeOffset? StepDeadline { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReceptionDeadline { get; set; }
    public bool ReceptionDeadlineMissed { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? HandOverDeadline { get; set; }
    public DateTimeOffset? Appointment { get; set; }
    public bool AppointmentProvisional { get; set; }
    public DateTimeOffset? OriginalAppointment { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public Timeliness? FinishedTimeliness { get; set; }
    public Outcome? Outcome { get; set; }
    public string? ResultNumber { get; set; }
    public string? ResultSha256 { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public ReturnMethod? ReturnMethod { get; set; }
    public string? TrackingNumber { get; set; }
    public List<ComponentView> Components { get; set; } = [];
    public List<SupplementView> Supplements { get; set; } = [];
    public List<HandOverView> HandOvers { get; set; } = [];
    public List<ConsultationView> Consultations { get; set; } = [];
    public DelayView? Delay { get; set; }
    public List<CorrectionView> Corrections { get; set; } = [];
    public string? ClosingReason { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
}

/// <summary>One component of the dossier, with its digitised file if any.</summary>
public sealed record ComponentView(
    string Id,
    string Name,
    bool Required,
    bool Provided,
    string? Sha256 = null,
    string? FileName = null,
    int? PageCount = null);

/// <summary>One supplement request and, once answered, when.</summary>
public sealed record SupplementView(
    int Number,
    IReadOnlyList<string> Missing,
    string Reason,
    bool AfterAppraisal,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ProvidedAt = null);

/// <summary>One row of the processing control slip (form 5).</summary>
public sealed record HandOverView(
    long Sequence,
    int Step,
    string StepName,
    string FromUnit,
    string ToUnit,
    string? ToOfficer,
    string GivenBy,
    DateTimeOffset At,
    DateTimeOffset? StepDeadline,
    bool Corrected = false);

/// <summary>A consultation of another agency; internal to officers.</summary>
public sealed record ConsultationView(
    int Number,
    string Agency,
    string Question,
    DateTimeOffset AskedAt,
    string? Reply = null,
    DateTimeOffset? RepliedAt = null);

/// <summary>The apology and the new appointment (form 4).</summary>
public sealed record DelayView(string Reason, DateTimeOffset PreviousAppointment, DateTimeOffset NewAppointment,
    DateTimeOffset At);

/// <summary>A compensating event and what it corrected.</summary>
public sealed record CorrectionView(long Corrects, string EventType, string Reason, string ApprovedBy,
    DateTimeOffset At);
