using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OneStop.Auth;
using OneStop.Problems;

namespace OneStop.Integrations.Idempotency;

/// <summary>
/// Honours Idempotency-Key on every POST: a request whose key was already answered gets that answer again
/// (status, Location and body, marked with <c>Idempotent-Replayed: true</c>) and appends nothing. The same key
/// with a different request is a 422 problem. Keys are per caller: the officer, or the public for kiosk,
/// online and tracking requests.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IDocumentStore store, IProblemDetailsService problems)
{
    public const string ReusedType = "https://onestop.gov.vn/problems/idempotency-key-reused";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) ||
            !http.Request.Headers.TryGetValue(IdempotencyClaim.Header, out var values))
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 255 || key.Any(char.IsControl))
            throw InvalidInput.Field(IdempotencyClaim.Header, "Use 1 to 255 printable characters.");
        var caller = http.User.Identity?.IsAuthenticated == true
            ? http.User.FindFirst(OfficerClaims.Officer)?.Value ?? "officer"
            : "public";
        var claim = IdempotencyClaim.For(caller, key, await FingerprintAsync(http.Request));

        if (await FindAsync(claim, http.RequestAborted) is { } answered)
        {
            await ReplayAsync(http, claim, answered);
            return;
        }

        http.Items[IdempotencyClaim.ItemKey] = claim;
        try
        {
            await next(http);
        }
        catch (Exception) when (!http.Response.HasStarted)
        {
            // A concurrent request with the same key committed first: ours could not insert the key.
            if (await FindAsync(claim, CancellationToken.None) is not { } winner)
                throw;
            await ReplayAsync(http, claim, winner);
        }
    }

    private async Task<IdempotentAnswer?> FindAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<IdempotentAnswer>(claim.Id, ct);
    }

    private async Task ReplayAsync(HttpContext http, IdempotencyClaim claim, IdempotentAnswer answer)
    {
        http.Response.Clear();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(answer.Fingerprint),
                Encoding.ASCII.GetBytes(claim.Fingerprint)))
        {
            http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Type = ReusedType,
                    Title = "This Idempotency-Key was used for a different request.",
                    Detail = "Use a new key for a new request; a retry must repeat the first request exactly.",
                },
            });
            return;
        }

        http.Response.StatusCode = answer.Status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (answer.Location is not null)
            http.Response.Headers.Location = answer.Location;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(claim.Open(answer), http.RequestAborted);
    }

    /// <summary>SHA-256 over the method, path, query and body; the body stays readable for the endpoint.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
