using OneStop.Hosting;
using Shouldly;

namespace OneStop.Tests.Hosting;

/// <summary>
/// /health/ready says a node is not ready when an async projection has events to apply but stands still
/// longer than the limit; a busy projection that moves, or one that has caught up, is never stalled.
/// </summary>
public sealed class when_a_projection_stops_moving
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly ProjectionProgressWatch watch = new();

    private static Dictionary<string, long> Progress(long highWater, long audit) =>
        new() { ["HighWaterMark"] = highWater, ["AuditLog:All"] = audit };

    [Fact]
    public void a_lagging_projection_that_stands_still_past_the_limit_is_stalled()
    {
        ProjectionHealth.Stalled(Progress(100, 40), watch, Limit, Start).ShouldBeEmpty();
        ProjectionHealth.Stalled(Progress(120, 40), watch, Limit, Start + Limit).ShouldBeEmpty();

        var later = Start + Limit + TimeSpan.FromSeconds(1);
        var stalled = ProjectionHealth.Stalled(Progress(130, 40), watch, Limit, later);

        stalled.ShouldHaveSingleItem().ShouldStartWith("AuditLog:All (90 events behind");
    }

    [Fact]
    public void a_lagging_projection_that_moves_is_not_stalled()
    {
        ProjectionHealth.Stalled(Progress(100, 40), watch, Limit, Start).ShouldBeEmpty();

        ProjectionHealth.Stalled(Progress(200, 41), watch, Limit, Start + Limit * 3).ShouldBeEmpty();
        ProjectionHealth.Stalled(Progress(200, 41), watch, Limit, Start + Limit * 4 + TimeSpan.FromSeconds(1))
            .ShouldHaveSingleItem("the clock restarts when the projection moves, not when it is first seen");
    }

    [Fact]
    public void a_projection_that_has_caught_up_is_never_stalled_however_long_it_waits()
    {
        ProjectionHealth.Stalled(Progress(100, 100), watch, Limit, Start).ShouldBeEmpty();

        ProjectionHealth.Stalled(Progress(100, 100), watch, Limit, Start + TimeSpan.FromDays(3)).ShouldBeEmpty();
    }

    [Fact]
    public void the_high_water_mark_itself_is_not_judged_as_a_projection()
    {
        var progress = new Dictionary<string, long> { ["HighWaterMark"] = 500, ["HighWaterMark:Tenant"] = 10 };

        ProjectionHealth.Stalled(progress, watch, Limit, Start).ShouldBeEmpty();
        ProjectionHealth.Stalled(progress, watch, Limit, Start + Limit * 10).ShouldBeEmpty();
    }
}
