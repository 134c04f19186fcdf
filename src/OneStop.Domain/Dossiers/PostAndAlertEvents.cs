namespace OneStop.Dossiers;

/// <summary>A postal officer collected the paper dossier at the applicant's address (Vietnam Post).</summary>
public sealed record PostalPickupRecorded(string PostalItemNumber, Actor By, DateTimeOffset At);

/// <summary>The postal officer handed the collected dossier to the one-stop desk.</summary>
public sealed record PostalHandedToReception(string PostalItemNumber, Actor By, DateTimeOffset At);

/// <summary>A postal officer took the returned result from the desk for delivery, under its tracking number.</summary>
public sealed record ResultHandedToPost(string TrackingNumber, Actor By, DateTimeOffset At);

/// <summary>Vietnam Post delivered the result to the applicant.</summary>
public sealed record ResultDelivered(string TrackingNumber, Actor By, DateTimeOffset At);

/// <summary>Vietnam Post could not deliver the result and brings it back to the desk.</summary>
public sealed record ResultDeliveryFailed(string TrackingNumber, string Reason, Actor By, DateTimeOffset At);

/// <summary>What a deadline alert warns about.</summary>
public enum DeadlineAlertKind
{
    /// <summary>An online dossier's 8 working hours for reception end soon (rule 4).</summary>
    ReceptionDueSoon,

    /// <summary>An online dossier was not answered within 8 working hours (rule 4).</summary>
    ReceptionOverdue,

    /// <summary>The current step's deadline is one working day away.</summary>
    StepDueSoon,

    /// <summary>The current step's deadline passed with the dossier still at that step.</summary>
    StepOverdue,

    /// <summary>The appointment is one working day away.</summary>
    AppointmentDueSoon,

    /// <summary>The appointment passed without a decision.</summary>
    AppointmentOverdue,
}

/// <summary>
/// A deadline alert fired: the system, not an officer, observed that a deadline is near or passed. Due is the
/// deadline it is about; At is when the alert fired (the handler's clock).
/// </summary>
public sealed record DeadlineAlertRaised(DeadlineAlertKind Kind, DateTimeOffset Due, int? Step, DateTimeOffset At);
