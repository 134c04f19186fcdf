using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>Rule 7: only the holding unit acts on a step; only a unit head decides.</summary>
public sealed class when_officers_act_outside_their_unit_or_role(LedgerApp app) : LedgerContext(app)
{
    private static object Approval(int version) => new { version, outcome = "approved", reason = "ok" };

    [Fact]
    public async Task a_handler_cannot_decide()
    {
        var (id, version) = await a_dossier_in_processing();

        (await Command(id, "decision", Approval(version), Handler)).Status.ShouldBe(403);
        (await EventCount(id)).ShouldBe(version);
    }

    [Fact]
    public async Task a_unit_head_of_another_unit_cannot_decide()
    {
        var (id, version) = await a_dossier_in_processing();

        var (status, _) = await Command(id, "decision", Approval(version),
            App.Token("uh-99", "unit-head", "OTHERUNIT"));

        status.ShouldBe(403);
    }

    [Fact]
    public async Task another_unit_cannot_hand_the_dossier_over()
    {
        var (id, version) = await a_dossier_in_processing();

        var (status, _) = await Command(id, "handovers", new { version, step = 1, unit = HandlingUnit },
            OtherUnitHandler);

        status.ShouldBe(403);
    }

    [Fact]
    public async Task a_command_without_a_token_is_unauthenticated()
    {
        var (id, version) = await a_received_dossier();

        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { version, step = 1, unit = HandlingUnit }).ToUrl($"/api/dossiers/{id}/handovers");
            s.StatusCodeShouldBe(401);
        });

        result.Context.Response.ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_unauthenticated()
    {
        var (id, version) = await a_received_dossier();
        var forged = new Auth.TokenIssuer(Auth.SigningKey.From(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
            Directory.CreateTempSubdirectory().FullName)).Issue("x", "unit-head", HandlingUnit);

        (await Command(id, "handovers", new { version, step = 1, unit = HandlingUnit }, forged)).Status.ShouldBe(401);
    }
}
