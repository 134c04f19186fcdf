namespace OneStop.Dossiers;

/// <summary>Where a dossier stands; the number is the national status code (portal sync).</summary>
public enum DossierStatus
{
    Submitted = 1,
    Received = 2,
    Refused = 3,
    InProcessing = 4,
    AwaitingSupplement = 5,
    AwaitingFee = 6,
    Withdrawn = 7,
    Stopped = 8,
    Processed = 9,
    ResultReturned = 10,
}

/// <summary>Which statuses allow what.</summary>
public static class DossierStatuses
{
    public static bool IsClosed(this DossierStatus status) =>
        status is DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped
            or DossierStatus.ResultReturned;

    /// <summary>Decided or closed: withdrawal is no longer possible (rule 9).</summary>
    public static bool IsDecidedOrClosed(this DossierStatus status) =>
        status.IsClosed() || status == DossierStatus.Processed;

    /// <summary>Received and not yet decided: the handling units may act.</summary>
    public static bool IsInHandling(this DossierStatus status) =>
        status is DossierStatus.Received or DossierStatus.InProcessing or DossierStatus.AwaitingFee;
}
