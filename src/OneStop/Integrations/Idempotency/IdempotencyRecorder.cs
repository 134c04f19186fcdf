using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OneStop.Dossiers;

namespace OneStop.Integrations.Idempotency;

/// <summary>
/// Stores the answer of a request that carried an Idempotency-Key in the command's own transaction. The
/// insert is unique: of two concurrent requests with one key, the second fails to commit and gets the
/// first's answer from the middleware.
/// </summary>
public sealed class IdempotencyRecorder(IHttpContextAccessor accessor, IOptions<JsonOptions> json) : ICommitHook
{
    public ValueTask BeforeCommitAsync(IDocumentSession session, PendingCommit commit, CancellationToken ct)
    {
        if (accessor.HttpContext?.Items[IdempotencyClaim.ItemKey] is IdempotencyClaim claim)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(commit.Answer, commit.Answer.GetType(),
                json.Value.SerializerOptions);
            session.Insert(claim.Seal(commit.Status, commit.Location, body, commit.Origin.Now));
        }

        return ValueTask.CompletedTask;
    }
}
