namespace OneStop.Dossiers;

/// <summary>
/// Who sends a command, when, and through what: the audit metadata every event it causes carries
/// (rule 10). HTTP requests and the demo seeder each build one. A simulated origin (the demo seeder's
/// history) reaches no partner: no portal message, notification or deadline alert follows from it.
/// </summary>
public sealed record CommandOrigin(
    Actor Actor,
    DateTimeOffset Now,
    string CorrelationId,
    string CausationId,
    string Channel,
    string? Device = null,
    bool Simulated = false);
