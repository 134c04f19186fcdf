using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Errors;

/// <summary>Unknown dossiers are 404 even with a version; stale and racing versions are 409.</summary>
public sealed class when_versions_collide(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task a_command_on_an_unknown_dossier_is_not_found_even_with_a_version()
    {
        var (status, problem) = await Command(Guid.CreateVersion7(), "reception", new { version = 3 }, Reception);

        status.ShouldBe(404);
        problem.GetProperty("type").GetString()!.ShouldEndWith("not-found");
    }

    [Fact]
    public async Task a_stale_version_is_a_conflict_and_appends_nothing()
    {
        var (id, version) = await a_received_dossier();

        var (status, problem) = await Command(id, "handovers",
            new { version = version - 1, step = 1, unit = HandlingUnit }, Reception);

        status.ShouldBe(409);
        problem.GetProperty("rule").GetString().ShouldBe("version");
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task two_concurrent_commands_on_one_version_give_one_success_and_one_conflict()
    {
        for (var round = 0; round < 5; round++)
        {
            var (id, version) = await a_received_dossier();

            var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Command(id, "handovers",
                new { version, step = 1, unit = HandlingUnit }, Reception)));

            racing.Select(r => r.Status).Order().ToArray().ShouldBe([200, 409], $"round {round}");
            (await EventCount(id)).ShouldBe(version + 1);
        }
    }
}
