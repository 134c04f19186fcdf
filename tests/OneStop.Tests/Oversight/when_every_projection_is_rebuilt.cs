using System.Text.Json;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Projections.Auditing;
using OneStop.Projections.Dossiers;
using OneStop.Projections.Oversight;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

/// <summary>
/// Replay: every read model is a pure function of the events, so wiping and rebuilding it, later and on
/// another clock, must give back exactly what was projected live.
/// </summary>
public sealed class when_every_projection_is_rebuilt(LedgerApp app) : ScriptedHistory(app)
{
    [Fact]
    public async Task the_rebuilt_read_models_equal_the_live_ones_field_by_field()
    {
        await a_month_of_dossiers();
        await Projected();
        var live = await Snapshot();
        var names = ((DocumentStore)Store).Options.Projections.All.Select(p => p.Name).ToList();

        await Wipe();
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        foreach (var name in names)
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(2), CancellationToken.None);
        var rebuilt = await Snapshot();

        names.Count.ShouldBe(4, $"precondition: every projection is rebuilt ({string.Join(", ", names)})");
        live.Values.ShouldAllBe(rows => rows.Count > 0, "precondition: every read model has rows");
        foreach (var (type, rows) in live)
            rebuilt[type].ShouldBe(rows, $"{type} differs after the rebuild");
    }

    private async Task<Dictionary<string, List<string>>> Snapshot()
    {
        await using var session = Store.QuerySession();
        return new()
        {
            [nameof(DossierView)] = Json(await session.Query<DossierView>().OrderBy(x => x.Id).ToListAsync()),
            [nameof(DossierTimeline)] =
                Json(await session.Query<DossierTimeline>().OrderBy(x => x.Id).ToListAsync()),
            [nameof(DossierFacts)] = Json(await session.Query<DossierFacts>().OrderBy(x => x.Id).ToListAsync()),
            [nameof(AuditEntry)] = Json(await session.Query<AuditEntry>().OrderBy(x => x.Id).ToListAsync()),
        };
    }

    private async Task Wipe()
    {
        await using var session = Store.LightweightSession();
        session.DeleteWhere<DossierView>(_ => true);
        session.DeleteWhere<DossierTimeline>(_ => true);
        session.DeleteWhere<DossierFacts>(_ => true);
        session.DeleteWhere<AuditEntry>(_ => true);
        await session.SaveChangesAsync();
    }

    private static List<string> Json<T>(IReadOnlyList<T> rows) => [.. rows.Select(r => JsonSerializer.Serialize(r))];
}
