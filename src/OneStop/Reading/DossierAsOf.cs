using Marten;
using OneStop.Calendar;
using OneStop.Problems;
using OneStop.Projections;
using OneStop.Projections.Dossiers;

namespace OneStop.Reading;

/// <summary>
/// Time travel: the dossier as it was at a business instant or after a version. Business time is the
/// <c>At</c> in each event body, the instant the handler's clock gave; Marten's own timestamp is when the
/// database stored the row, which differs on imported history, retries and under a simulated clock.
/// </summary>
public static class DossierAsOf
{
    public static async Task<DossierAnswer> AnswerAsync(
        IQuerySession session,
        Guid id,
        DateTimeOffset? asOf,
        int? version,
        WorkingCalendar calendar,
        CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0)
            throw new NotFound($"No dossier has the id {id}.");
        if (version is < 1)
            throw InvalidInput.Field("version", "Versions start at 1.");
        if (version > events[^1].Version)
            throw new NotFound($"Dossier {id} has versions 1 to {events[^1].Version}; there is no version {version}.");

        // Events of one stream are appended in business-time order, so the past is a prefix of the stream.
        var upTo = events.TakeWhile(e => (version is null || e.Version <= version)
            && (asOf is null || (EventFacts.Of(e.Data).At ?? e.Timestamp) <= asOf)).ToList();
        if (upTo.Count == 0)
            throw new NotFound($"Dossier {id} did not exist yet at {asOf:O}.");

        var view = await session.Events.AggregateStreamAsync<DossierView>(id, version: upTo[^1].Version, token: ct)
            ?? throw new NotFound($"No dossier has the id {id}.");
        var at = asOf ?? EventFacts.Of(upTo[^1].Data).At ?? upTo[^1].Timestamp;
        return GetDossierEndpoint.Answer(view, at, calendar);
    }
}
