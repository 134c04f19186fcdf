using Marten;

namespace OneStop.Dossiers;

/// <summary>
/// A command about to commit: the dossier as it was, the events it adds, and the answer its caller will get.
/// </summary>
public sealed record PendingCommit(
    Guid DossierId,
    Dossier? Before,
    IReadOnlyList<object> Events,
    int Version,
    CommandOrigin Origin,
    int Status,
    object Answer,
    string? Location = null);

/// <summary>
/// Work that must commit in the same transaction as a command's events, or not at all: outgoing messages
/// (docs/integrations.md) and the idempotency record of the request.
/// </summary>
public interface ICommitHook
{
    ValueTask BeforeCommitAsync(IDocumentSession session, PendingCommit commit, CancellationToken ct);
}
