using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace OneStop.Problems;

/// <summary>Turns every refusal and infrastructure failure into RFC 9457 problem details.</summary>
public sealed partial class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Describe(exception);
        if (problem.Status >= 500)
            LogFailure(logger, exception, http.Request.Method, http.Request.Path);
        else
            LogRefusal(logger, http.Request.Method, http.Request.Path, problem.Status ?? 0, problem.Type ?? "");

        http.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == 503)
            http.Response.Headers.RetryAfter = "5";
        if (exception is Throttled throttled)
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The problem for an exception; messages of unknown exceptions never reach the client.</summary>
    public static ProblemDetails Describe(Exception exception) => exception switch
    {
        InvalidInput invalid => new ValidationProblemDetails(invalid.Errors.ToDictionary())
        {
            Type = ProblemTypes.InvalidInput,
            Title = "The request has invalid fields.",
            Status = 400,
        },
        RuleViolation rule => new ProblemDetails
        {
            Type = ProblemTypes.RuleViolation,
            Title = "The dossier's current state forbids this command.",
            Status = 409,
            Detail = rule.Message,
            Extensions = { ["rule"] = rule.Rule },
        },
        VersionConflict or ConcurrencyException or ExistingStreamIdCollisionException => Conflict(),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => Conflict(),
        Unauthenticated anonymous => Problem(401, ProblemTypes.Unauthenticated, "Sign in first.", anonymous.Message),
        NotAllowed denied => Problem(403, ProblemTypes.Forbidden, "Not allowed.", denied.Message),
        Throttled throttled => Problem(429, ProblemTypes.Throttled, "Too many attempts.", throttled.Message),
        NotFound missing => Problem(404, ProblemTypes.NotFound, "Not found.", missing.Message),
        BadHttpRequestException { StatusCode: 413 } =>
            Problem(413, ProblemTypes.TooLarge, "The request body is too large.", null),
        BadHttpRequestException bad =>
            Problem(400, ProblemTypes.MalformedJson, "The request could not be read.", null, bad.StatusCode),
        // The ledger trigger refuses an event that would land below the Merkle log (40001); a retry succeeds.
        ConcurrentUpdateException =>
            Problem(503, ProblemTypes.Unavailable, "The ledger was busy; retry the command.", null),
        _ when DatabaseOutage.Explains(exception) =>
            Problem(503, ProblemTypes.Unavailable, "The ledger database is unavailable; retry later.", null),
        _ => Problem(500, ProblemTypes.ServerError, "An unexpected error occurred.", null),
    };

    private static ProblemDetails Conflict() => new()
    {
        Type = ProblemTypes.VersionConflict,
        Title = "The dossier changed since you read it.",
        Status = 409,
        Detail = "Another command was applied first: reload the dossier and retry with its current version.",
        Extensions = { ["rule"] = "version" },
    };

    private static ProblemDetails Problem(int status, string type, string title, string? detail, int? code = null) =>
        new() { Status = code is >= 400 and < 500 ? code : status, Type = type, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {Method} {Path} refused with {Status} {Type}")]
    private static partial void LogRefusal(ILogger logger, string method, string path, int status, string type);
}
