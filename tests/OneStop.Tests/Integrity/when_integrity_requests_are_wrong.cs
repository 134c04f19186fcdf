using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrity;

/// <summary>Integrity reads are for inspectors and administrators; bad input is 400, unknown events 404.</summary>
public sealed class when_integrity_requests_are_wrong(LedgerApp app) : IntegrityContext(app)
{
    [Theory]
    [InlineData("/api/ledger/proofs/inclusion")]
    [InlineData("/api/ledger/proofs/inclusion?sequence=0")]
    [InlineData("/api/ledger/proofs/inclusion?sequence=abc")]
    [InlineData("/api/ledger/proofs/inclusion?sequence=1&size=-2")]
    [InlineData("/api/ledger/proofs/consistency?from=4")]
    [InlineData("/api/ledger/proofs/consistency?from=6&to=2")]
    [InlineData("/api/ledger/bundles/0")]
    public async Task malformed_input_is_a_problem_of_400(string url)
    {
        var (status, problem) = await Get(url);

        status.ShouldBe(400, problem.ToString());
        problem.GetProperty("type").GetString()!.ShouldEndWith("/invalid-input");
    }

    [Fact]
    public async Task an_unknown_sequence_is_404()
    {
        await a_received_dossier();
        await a_checkpoint();

        var (status, problem) = await Get("/api/ledger/proofs/inclusion?sequence=999999");

        status.ShouldBe(404);
        problem.GetProperty("detail").GetString()!.ShouldContain("999999");
        (await Get("/api/ledger/bundles/999999")).Status.ShouldBe(404);
    }

    [Fact]
    public async Task an_unsigned_size_and_an_unlogged_event_are_404()
    {
        var (id, _) = await a_received_dossier();
        await a_checkpoint();
        var (later, _) = await a_received_dossier();

        (await Get($"/api/ledger/proofs/inclusion?sequence={(await Sequences(id))[0]}&size=3")).Status.ShouldBe(404);
        var (status, problem) = await Get($"/api/ledger/proofs/inclusion?sequence={(await Sequences(later))[0]}");
        status.ShouldBe(404);
        problem.GetProperty("detail").GetString()!.ShouldContain("not in the Merkle log yet");
    }

    [Fact]
    public async Task no_checkpoint_yet_is_404()
    {
        (await Get("/api/ledger/checkpoints/latest")).Status.ShouldBe(404);
    }

    [Fact]
    public async Task officers_other_than_inspectors_and_administrators_are_refused()
    {
        await a_received_dossier();
        await a_checkpoint();

        (await Get("/api/ledger/checkpoints/latest", Reception)).Status.ShouldBe(403);
        (await Get("/api/ledger/checkpoints/latest", App.Token("ad-01", "admin", "IT"))).Status.ShouldBe(200);
        var anonymous = await Host.Scenario(s =>
        {
            s.Get.Url("/api/ledger/checkpoints");
            s.IgnoreStatusCode();
        });
        anonymous.Context.Response.StatusCode.ShouldBe(401);
    }
}
