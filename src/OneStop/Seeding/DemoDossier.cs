using OneStop.Catalogue;
using OneStop.Dossiers;

namespace OneStop.Seeding;

/// <summary>What the demo will do to one dossier: drawn once, at random, when it is submitted.</summary>
public sealed class DemoDossier(Procedure procedure, Channel channel, Random random)
{
    public Procedure Procedure { get; } = procedure;
    public Channel Channel { get; } = channel;
    public Guid Id { get; set; }
    public int Version { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? Appointment { get; set; }
    public int StepsDone { get; set; }
    /// <summary>What is planned next for this dossier, earliest first.</summary>
    public List<(DateTimeOffset At, DemoAction Action)> Plan { get; } = [];
    public List<string> MissingAtSubmission { get; set; } = [];

    public bool Incomplete { get; } = random.NextDouble() < 0.12;
    public bool Refused { get; } = random.NextDouble() < 0.04;
    public int AppraisalSupplements { get; } = random.NextDouble() switch
    {
        < 0.015 => 2,
        < 0.08 => 1,
        _ => 0,
    };
    public bool Consulted { get; } = random.NextDouble() < 0.10;
    public bool Withdrawn { get; } = random.NextDouble() < 0.03;
    public bool Stopped { get; } = random.NextDouble() < 0.01;
    public bool Rejected { get; } = random.NextDouble() < 0.08;

    /// <summary>Share of the time limit used before the decision: most early, some on time, some late.</summary>
    public double Pace { get; } = random.NextDouble() switch
    {
        < 0.55 => 0.3 + (random.NextDouble() * 0.55),
        < 0.80 => 0.85 + (random.NextDouble() * 0.15),
        _ => 1.0 + (random.NextDouble() * 0.4),
    };

    /// <summary>Late ones mostly apologise in time; some do not.</summary>
    public bool Apologises => Pace > 1.0 && Id.GetHashCode() % 10 < 6;

    public string HandlingUnit => Procedure.Steps.Count > 0 ? Procedure.Steps[0].Unit : Procedure.Unit;
}

/// <summary>The next thing that happens to a demo dossier.</summary>
public enum DemoAction
{
    RequestSupplementAtReception,
    ProvideSupplement,
    Receive,
    Refuse,
    HandOver,
    RequestSupplementAfterAppraisal,
    Consult,
    ReplyToConsultation,
    Apologise,
    Withdraw,
    Stop,
    Decide,
    IssueResult,
    PayFee,
    Return,
}
