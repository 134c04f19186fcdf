namespace OneStop.Problems;

/// <summary>A command the current state forbids: 409 with the rule that forbids it.</summary>
public sealed class RuleViolation(string rule, string detail) : Exception(detail)
{
    public string Rule { get; } = rule;
}

/// <summary>The acting officer's role or unit may not do this: 403.</summary>
public sealed class NotAllowed(string detail) : Exception(detail);

/// <summary>Input that is malformed or breaks a field rule: 400, with the fields named.</summary>
public sealed class InvalidInput(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request has invalid fields.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidInput Field(string field, string message) => new(
        new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Unknown dossier, procedure or other resource: 404.</summary>
public sealed class NotFound(string detail) : Exception(detail);

/// <summary>The caller's version is not the dossier's current one: 409.</summary>
public sealed class VersionConflict() : Exception("The dossier changed since the caller read it.");

/// <summary>No or bad credentials where an officer is needed: 401.</summary>
public sealed class Unauthenticated(string detail) : Exception(detail);

/// <summary>Too many attempts from one client or on one dossier code: 429, retry after the given time.</summary>
public sealed class Throttled(TimeSpan retryAfter) : Exception("Too many attempts; wait before trying again.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
