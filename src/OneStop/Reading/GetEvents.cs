using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Problems;
using Wolverine.Http;

namespace OneStop.Reading;

/// <summary>One stored event with its metadata, as an inspector sees it.</summary>
public sealed record RawEvent(
    long Sequence,
    long Version,
    string Type,
    DateTimeOffset StoredAt,
    object Data,
    string? CorrelationId,
    string? CausationId,
    string? UserName,
    Dictionary<string, object>? Headers);

public static class GetEventsEndpoint
{
    [WolverineGet("/api/dossiers/{id}/events")]
    [Authorize(Policy = Access.Integrity)]
    public static async Task<IReadOnlyList<RawEvent>> Get(Guid id, IQuerySession session, HttpContext http)
    {
        Access.Demand(http, Access.Integrity);
        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        if (events.Count == 0)
            throw new NotFound($"No dossier has the id {id}.");
        return [.. events.Select(e => new RawEvent(e.Sequence, e.Version, e.EventTypeName, e.Timestamp, e.Data,
            e.CorrelationId, e.CausationId, e.UserName, e.Headers))];
    }
}
