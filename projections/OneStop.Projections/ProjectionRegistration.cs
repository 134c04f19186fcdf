using JasperFx.Events.Projections;
using Marten;
using OneStop.Projections.Dossiers;

namespace OneStop.Projections;

/// <summary>Every read model and its lifecycle, chosen in one place.</summary>
public static class ProjectionRegistration
{
    public static void AddOneStopProjections(this StoreOptions options)
    {
        options.Projections.Add<DossierViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DossierTimelineProjection>(ProjectionLifecycle.Inline);

        options.Schema.For<DossierView>().Index(x => x.Code);
    }
}
