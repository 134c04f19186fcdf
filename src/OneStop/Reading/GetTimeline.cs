using Marten;
using Microsoft.AspNetCore.Authorization;
using OneStop.Auth;
using OneStop.Problems;
using OneStop.Projections.Dossiers;
using Wolverine.Http;

namespace OneStop.Reading;

public static class GetTimelineEndpoint
{
    [WolverineGet("/api/dossiers/{id}/timeline")]
    [Authorize(Policy = Access.AnyOfficer)]
    public static async Task<DossierTimeline> Get(Guid id, IQuerySession session, HttpContext http)
    {
        Access.Demand(http, Access.AnyOfficer);
        return await session.LoadAsync<DossierTimeline>(id, http.RequestAborted)
            ?? throw new NotFound($"No dossier has the id {id}.");
    }
}
