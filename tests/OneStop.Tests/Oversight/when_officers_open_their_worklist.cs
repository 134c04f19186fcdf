using System.Text.Json;
using OneStop.Dossiers;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Oversight;

public sealed class when_officers_open_their_worklist(LedgerApp app) : OversightContext(app)
{
    [Fact]
    public async Task overdue_dossiers_come_first_then_due_soon_then_on_track()
    {
        var onTrack = await a_dossier_in_processing_received(Hanoi(2026, 3, 6, 9));
        var overdue = await a_dossier_in_processing_received(Hanoi(2026, 3, 2, 9));
        var dueSoon = await a_dossier_in_processing_received(Hanoi(2026, 3, 3, 9));
        var waiting = await a_dossier_in_processing_received(Hanoi(2026, 3, 4, 9));
        At(Hanoi(2026, 3, 4, 10));
        await Ok(waiting.Id, "supplement-requests",
            new { waiting.Version, missing = new[] { "C01" }, reason = "Unsigned" }, Handler);
        At(Hanoi(2026, 3, 11, 10));

        var items = (await GetJson("/api/worklist", Handler)).GetProperty("items");

        Ids(items).ShouldBe([overdue.Id, dueSoon.Id, onTrack.Id]);
        items.EnumerateArray().Select(i => i.GetProperty("timeliness").GetString())
            .ShouldBe(["overdue", "dueSoon", "onTrack"]);
    }

    [Fact]
    public async Task a_limit_lists_the_most_urgent_and_still_counts_them_all()
    {
        var onTrack = await a_dossier_in_processing_received(Hanoi(2026, 3, 6, 9));
        var overdue = await a_dossier_in_processing_received(Hanoi(2026, 3, 2, 9));
        var dueSoon = await a_dossier_in_processing_received(Hanoi(2026, 3, 3, 9));
        At(Hanoi(2026, 3, 11, 10));

        var answer = await GetJson("/api/worklist?limit=2", Handler);

        Ids(answer.GetProperty("items")).ShouldBe([overdue.Id, dueSoon.Id]);
        answer.GetProperty("total").GetInt32().ShouldBe(3);
        var counts = answer.GetProperty("counts");
        (counts.GetProperty("overdue").GetInt32(), counts.GetProperty("dueSoon").GetInt32(),
            counts.GetProperty("onTrack").GetInt32()).ShouldBe((1, 1, 1));
        Ids((await GetJson("/api/worklist", Handler)).GetProperty("items")).ShouldContain(onTrack.Id);
        var typed = await GetJson($"/api/worklist?unit={HandlingUnit.ToLowerInvariant()}&limit=2", Handler);
        Ids(typed.GetProperty("items")).ShouldBe([overdue.Id, dueSoon.Id]);
        typed.GetProperty("total").GetInt32().ShouldBe(3);
        var onlyOnTrack = await GetJson("/api/worklist?timeliness=onTrack", Handler);
        Ids(onlyOnTrack.GetProperty("items")).ShouldBe([onTrack.Id]);
        onlyOnTrack.GetProperty("total").GetInt32().ShouldBe(1);
        onlyOnTrack.GetProperty("counts").GetProperty("overdue").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task dossier_views_stored_before_the_deadline_column_existed_get_it_at_start()
    {
        var old = await a_dossier_in_processing_received(Hanoi(2026, 3, 2, 9));
        At(Hanoi(2026, 3, 11, 10));
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand(
                "update onestop.mt_doc_dossierview set due_at = null, is_open = null, is_received = null");
            await session.SaveChangesAsync();
        }

        await global::OneStop.Hosting.LedgerDatabase.PrepareAsync(Host.Services);

        var answer = await GetJson("/api/worklist", Handler);
        Ids(answer.GetProperty("items")).ShouldBe([old.Id]);
        answer.GetProperty("counts").GetProperty("overdue").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task the_counts_agree_with_each_listed_dossiers_timeliness_at_every_hour()
    {
        // Appointments at every working hour of a week, then the worklist read at each hour around them:
        // the database's counts (by the deadline column) must match the items' own judgement.
        for (var day = 2; day <= 6; day++)
            await a_dossier_in_processing_received(Hanoi(2026, 3, day, 9 + (day % 3)));
        for (var hour = 0; hour < 24 * 14; hour += 5)
        {
            At(Hanoi(2026, 3, 9, 0).AddHours(hour));
            var answer = await GetJson("/api/worklist", Handler);
            var judged = answer.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("timeliness").GetString()).ToList();
            var counts = answer.GetProperty("counts");

            (counts.GetProperty("overdue").GetInt32(), counts.GetProperty("dueSoon").GetInt32(),
                    counts.GetProperty("onTrack").GetInt32())
                .ShouldBe((judged.Count(t => t == "overdue"), judged.Count(t => t == "dueSoon"),
                    judged.Count(t => t == "onTrack")), $"at {Hanoi(2026, 3, 9, 0).AddHours(hour):O}");
            judged.ShouldBe([.. judged.OrderBy(t => t switch { "overdue" => 0, "dueSoon" => 1, _ => 2 })]);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("many")]
    public async Task a_limit_outside_1_to_1000_is_refused(string limit)
    {
        await GetJson($"/api/worklist?limit={limit}", Handler, status: 400);
    }

    [Fact]
    public async Task it_filters_by_officer_and_timeliness()
    {
        var overdue = await a_dossier_in_processing_received(Hanoi(2026, 3, 2, 9), officer: "hd-05");
        await a_dossier_in_processing_received(Hanoi(2026, 3, 2, 9), officer: "hd-06");
        await a_dossier_in_processing_received(Hanoi(2026, 3, 9, 9), officer: "hd-05");
        At(Hanoi(2026, 3, 11, 10));

        var items = (await GetJson("/api/worklist?officer=hd-05&timeliness=overdue", Handler)).GetProperty("items");

        Ids(items).ShouldBe([overdue.Id]);
    }

    [Fact]
    public async Task the_desk_sees_online_dossiers_waiting_for_reception_against_their_8_working_hours()
    {
        At(Hanoi(2026, 3, 2, 9));
        var late = await a_submitted_dossier(Channel.Online);
        At(Hanoi(2026, 3, 3, 10));
        var soon = await a_submitted_dossier(Channel.Online);
        var atCounter = await a_submitted_dossier(Channel.Counter, components: ["C01"]);
        var received = await a_dossier_in_processing_received(Hanoi(2026, 3, 3, 10));
        At(Hanoi(2026, 3, 4, 8));

        var desk = (await GetJson("/api/worklist", Reception)).GetProperty("items");
        var unit = (await GetJson("/api/worklist", Handler)).GetProperty("items");

        Ids(desk).ShouldBe([late, soon, atCounter], "online dossiers are held by the portal, not the desk");
        desk[0].GetProperty("timeliness").GetString().ShouldBe("overdue");
        desk[0].GetProperty("dueAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 3, 9));
        desk[1].GetProperty("timeliness").GetString().ShouldBe("dueSoon");
        desk[1].GetProperty("dueAt").GetDateTimeOffset().ShouldBe(Hanoi(2026, 3, 4, 10));
        Ids(unit).ShouldBe([received.Id], "dossiers not yet received stay off the handling unit's list");
    }

    [Fact]
    public async Task it_needs_an_officer_token()
    {
        await GetJson("/api/worklist", status: 401);
    }

    private async Task<(Guid Id, int Version)> a_dossier_in_processing_received(DateTimeOffset at,
        string? officer = null)
    {
        At(at);
        var (id, version) = await a_received_dossier();
        version = await Ok(id, "handovers", new { version, step = 1, unit = HandlingUnit, officer }, Reception);
        return (id, version);
    }

    private static List<Guid> Ids(JsonElement items) =>
        [.. items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
