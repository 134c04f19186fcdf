using JasperFx.Events;
using OneStop.Dossiers;

namespace OneStop.Projections.Dossiers;

public sealed partial class DossierView
{
    public PostalView? Postal { get; set; }
    public List<AlertView> Alerts { get; set; } = [];
}

/// <summary>The dossier's way through Vietnam Post: collection at the applicant's address, result delivery.</summary>
public sealed record PostalView(
    string? PostalItemNumber = null,
    DateTimeOffset? CollectedAt = null,
    DateTimeOffset? HandedToReceptionAt = null,
    string? ResultTrackingNumber = null,
    DateTimeOffset? ResultTakenAt = null,
    DateTimeOffset? DeliveredAt = null,
    DateTimeOffset? DeliveryFailedAt = null,
    string? DeliveryFailure = null);

/// <summary>A deadline alert that fired: what it warned about, the deadline, and when.</summary>
public sealed record AlertView(DeadlineAlertKind Kind, DateTimeOffset Due, int? Step, DateTimeOffset At);

public sealed partial class DossierViewProjection
{
    public static void Apply(IEvent<PostalPickupRecorded> e, DossierView view)
    {
        view.Postal = (view.Postal ?? new PostalView()) with
        {
            PostalItemNumber = e.Data.PostalItemNumber,
            CollectedAt = e.Data.At,
        };
        Touch(view, e, e.Data.At);
    }

    public static void Apply(IEvent<PostalHandedToReception> e, DossierView view)
    {
        view.Postal = (view.Postal ?? new PostalView()) with { HandedToReceptionAt = e.Data.At };
        Touch(view, e, e.Data.At);
    }

    public static void Apply(IEvent<ResultHandedToPost> e, DossierView view)
    {
        view.Postal = (view.Postal ?? new PostalView()) with
        {
            ResultTrackingNumber = e.Data.TrackingNumber,
            ResultTakenAt = e.Data.At,
        };
        Touch(view, e, e.Data.At);
    }

    public static void Apply(IEvent<ResultDelivered> e, DossierView view)
    {
        view.Postal = (view.Postal ?? new PostalView()) with { DeliveredAt = e.Data.At };
        Touch(view, e, e.Data.At);
    }

    public static void Apply(IEvent<ResultDeliveryFailed> e, DossierView view)
    {
        view.Postal = (view.Postal ?? new PostalView()) with
        {
            DeliveryFailedAt = e.Data.At,
            DeliveryFailure = e.Data.Reason,
        };
        Touch(view, e, e.Data.At);
    }

    /// <summary>An alert is an observation, not an act: it leaves LastChangedAt as the last act set it.</summary>
    public static void Apply(IEvent<DeadlineAlertRaised> e, DossierView view)
    {
        view.Alerts.Add(new AlertView(e.Data.Kind, e.Data.Due, e.Data.Step, e.Data.At));
        view.Version = (int)e.Version;
    }
}

public sealed partial class DossierView
{
    /// <summary>
    /// The deadline that binds an open dossier now: rule 4's reception deadline while it waits at the desk,
    /// its appointment once received. Kept in a column of its own so the worklist orders and counts by it
    /// without reading every document. In UTC, as PostgreSQL stores it; not part of the document's JSON.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? DueAt => (Status == DossierStatus.Submitted ? ReceptionDeadline : Appointment)
        ?.ToUniversalTime();

    /// <summary>Not yet finished; a column of its own for the worklist (instants with offsets cannot be one).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => FinishedAt is null;

    /// <summary>Received at the desk; a column of its own for the worklist.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsReceived => ReceivedAt is not null;
}
