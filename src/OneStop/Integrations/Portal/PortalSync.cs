using OneStop.Dossiers;

namespace OneStop.Integrations.Portal;

/// <summary>
/// One dossier's synchronisation with the portal: the status changes still to deliver, in version order, and
/// every acknowledgement, refusal and final failure.
/// </summary>
public sealed class PortalSync
{
    public Guid Id { get; set; }
    public string? Code { get; set; }
    public List<int> Pending { get; set; } = [];
    public int AcknowledgedVersion { get; set; }
    public DossierStatus? AcknowledgedStatus { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public int FailedAttempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public List<PortalDelivery> Deliveries { get; set; } = [];

    /// <summary>Queues a version unless a later or equal one was already acknowledged; false when stale.</summary>
    public bool Expect(int version)
    {
        if (version <= AcknowledgedVersion)
            return false;
        if (!Pending.Contains(version))
            Pending = [.. Pending.Append(version).Order()];
        return true;
    }

    public void Acknowledge(int version, DossierStatus status, string key, DateTimeOffset at, bool duplicate)
    {
        Pending.Remove(version);
        AcknowledgedVersion = Math.Max(AcknowledgedVersion, version);
        AcknowledgedStatus = status;
        AcknowledgedAt = at;
        Deliveries.Add(new PortalDelivery(version, (int)status, key,
            duplicate ? PortalOutcome.AlreadyAcknowledged : PortalOutcome.Acknowledged, at, FailedAttempts + 1, null));
        FailedAttempts = 0;
        LastError = null;
    }

    /// <summary>No status change at this version (a later hand-over, say): nothing to send.</summary>
    public void Skip(int version)
    {
        Pending.Remove(version);
        AcknowledgedVersion = Math.Max(AcknowledgedVersion, version);
    }

    public void Fail(int version, DossierStatus status, string key, string error, DateTimeOffset at, bool final)
    {
        FailedAttempts++;
        LastError = error;
        LastAttemptAt = at;
        if (!final)
            return;
        Pending.Remove(version);
        Deliveries.Add(new PortalDelivery(version, (int)status, key, PortalOutcome.GaveUp, at, FailedAttempts, error));
        FailedAttempts = 0;
    }

    public void Refuse(int version, DossierStatus status, string key, string error, DateTimeOffset at)
    {
        Pending.Remove(version);
        LastError = error;
        LastAttemptAt = at;
        Deliveries.Add(new PortalDelivery(version, (int)status, key, PortalOutcome.Refused, at, FailedAttempts + 1,
            error));
        FailedAttempts = 0;
    }
}

/// <summary>One status change's delivery: acknowledged, refused by the portal, or given up after retries.</summary>
public sealed record PortalDelivery(
    int Version,
    int StatusCode,
    string Key,
    PortalOutcome Outcome,
    DateTimeOffset At,
    int Attempts,
    string? Error);

/// <summary>How a delivery ended.</summary>
public enum PortalOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
    Refused,
    GaveUp,
}
