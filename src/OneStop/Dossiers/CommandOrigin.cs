namespace OneStop.Dossiers;

/// <summary>
/// Who sends a command, when, and through what: the audit metadata every event it causes carries
/// (rule 10). HTTP requests and the demo seeder each build one.
/// </summary>
public sealed record CommandOrigin(
    Actor Actor,
    DateTimeOffset Now,
    string CorrelationId,
    string CausationId,
    string Channel,
    string? Device = null);
