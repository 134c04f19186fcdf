using Marten;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using OneStop.Projections.Dossiers;
using OneStop.Seeding;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Seeding;

public sealed class when_the_demo_history_is_seeded(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task dossiers_go_through_the_real_handlers_into_varied_states()
    {
        var history = new DemoHistory(Store, Host.Services.GetRequiredService<DossierCommandRunner>(),
            Host.Services.GetRequiredService<ProcedureCatalogue>(), WorkingCalendar.Vietnam, seed: 11);

        var summary = await history.PlayAsync(Hanoi(2026, 3, 2, 0), Hanoi(2026, 3, 20, 0), perDay: 8,
            new Progress<(DateOnly, int)>(), CancellationToken.None);

        summary.Dossiers.ShouldBeGreaterThan(80);
        await using var session = Store.QuerySession();
        var views = await session.Query<DossierView>().ToListAsync();
        views.Count.ShouldBe(summary.Dossiers);
        views.Select(v => v.Status).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
        views.ShouldContain(v => v.Channel == Channel.Online && v.ReceivedAt != null);
        views.ShouldContain(v => v.Supplements.Count > 0);
        var events = await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from onestop.mt_events", CancellationToken.None);
        events.Single().ShouldBe(views.Sum(v => (long)v.Version), "every event belongs to a dossier's version");
        var unattributed = await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from onestop.mt_events where headers->>'officer' is null", CancellationToken.None);
        unattributed.Single().ShouldBe(0);
    }
}
