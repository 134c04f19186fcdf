namespace OneStop.Problems;

/// <summary>Stable problem `type` URIs, one per kind of error (API.md).</summary>
public static class ProblemTypes
{
    private const string Root = "https://onestop.gov.vn/problems/";

    public const string InvalidInput = Root + "invalid-input";
    public const string MalformedJson = Root + "malformed-json";
    public const string Unauthenticated = Root + "unauthenticated";
    public const string Forbidden = Root + "forbidden";
    public const string NotFound = Root + "not-found";
    public const string VersionConflict = Root + "version-conflict";
    public const string RuleViolation = Root + "rule-violation";
    public const string TooLarge = Root + "too-large";
    public const string MethodNotAllowed = Root + "method-not-allowed";
    public const string Throttled = Root + "throttled";
    public const string Unavailable = Root + "unavailable";
    public const string ServerError = Root + "server-error";

    /// <summary>
    /// Our own types pass through; framework defaults (RFC links, Wolverine's JSON errors) become ours, so
    /// every problem a client sees has a stable type per kind.
    /// </summary>
    public static string Stable(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Type?.StartsWith(Root, StringComparison.Ordinal) == true)
            return problem.Type;
        if (problem.Title == "Invalid JSON format")
            return MalformedJson;
        return ForStatus(problem.Status ?? 500);
    }

    public static string ForStatus(int status) => status switch
    {
        400 => InvalidInput,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => VersionConflict,
        413 => TooLarge,
        415 => InvalidInput,
        429 => Throttled,
        503 => Unavailable,
        _ => ServerError,
    };
}
