using Marten;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using Wolverine.Http;

namespace OneStop.Reading;

public static class GetTimelineEndpoint
{
    [WolverineGet("/api/dossiers/{id}/timeline")]
    public static async Task<DossierTimeline> Get(Guid id, IQuerySession session, HttpContext http)
    {
        OfficerAccess.RequireOfficer(http);
        return await session.LoadAsync<DossierTimeline>(id, http.RequestAborted)
            ?? throw new NotFound($"No dossier has the id {id}.");
    }
}
