using Marten;

namespace OneStop.Dossiers;

/// <summary>
/// The first shape of <see cref="ProcessingStopped"/>, stored as <c>processing_suspended</c> with the actor
/// flattened into the body. Rows in this shape stay in the ledger forever (nothing is rewritten), so they
/// load as the current event through an upcaster.
/// </summary>
public sealed record ProcessingSuspendedV1(string Reason, string OfficerId, string Role, string Unit, DateTimeOffset At)
{
    public const string EventTypeName = "processing_suspended";

    public ProcessingStopped Upcast() => new(Reason, new Actor(OfficerId, Role, Unit), At);
}

/// <summary>Every earlier event shape and how it loads as the current one (docs/projections.md).</summary>
public static class DossierEventVersions
{
    public static void AddDossierEventVersions(this StoreOptions options) =>
        options.Events.Upcast<ProcessingSuspendedV1, ProcessingStopped>(
            ProcessingSuspendedV1.EventTypeName, old => old.Upcast());
}
