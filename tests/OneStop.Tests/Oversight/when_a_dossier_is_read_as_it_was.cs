using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

/// <summary>Time travel follows business time (the instant on each event), not when the database stored it.</summary>
public sealed class when_a_dossier_is_read_as_it_was(LedgerApp app) : OversightContext(app)
{
    [Fact]
    public async Task as_of_an_instant_it_shows_only_what_had_happened_then()
    {
        var (id, version) = await a_received_dossier();
        At(Hanoi(2026, 3, 3, 10));
        await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);
        At(Hanoi(2026, 3, 12, 10));

        var then = await GetJson($"/api/dossiers/{id}?asOf=2026-03-02T03:00:00Z", Reception);
        var now = await GetJson($"/api/dossiers/{id}", Reception);

        then.GetProperty("status").GetString().ShouldBe("received");
        then.GetProperty("version").GetInt32().ShouldBe(2);
        then.GetProperty("timeliness").GetString().ShouldBe("onTrack");
        then.GetProperty("readAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 2, 10));
        now.GetProperty("status").GetString().ShouldBe("inProcessing");
        now.GetProperty("timeliness").GetString().ShouldBe("overdue");
    }

    [Fact]
    public async Task an_instant_without_an_offset_is_vietnam_time_as_in_the_calendar()
    {
        var (id, version) = await a_received_dossier();
        At(Hanoi(2026, 3, 3, 10));
        await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit }, Reception);

        var local = await GetJson($"/api/dossiers/{id}?asOf=2026-03-03T09:00:00", Reception);

        local.GetProperty("status").GetString().ShouldBe("received", "09:00 in Hanoi is before the 10:00 hand-over");
        local.GetProperty("readAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 3, 9));
    }

    [Fact]
    public async Task at_a_version_it_shows_the_dossier_after_that_event()
    {
        var (id, _) = await a_dossier_in_processing();

        var first = await GetJson($"/api/dossiers/{id}?version=1", Reception);

        first.GetProperty("status").GetString().ShouldBe("submitted");
        first.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task before_its_submission_it_is_not_found()
    {
        var (id, _) = await a_received_dossier();

        await GetJson($"/api/dossiers/{id}?asOf=2026-03-01T00:00:00Z", Reception, status: 404);
    }
}
