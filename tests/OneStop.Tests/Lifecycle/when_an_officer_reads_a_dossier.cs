using System.Text.Json;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Lifecycle;

/// <summary>
/// API.md lists the officer view's fields (status, national status code, step, unit, officer, appointment,
/// timeliness, remaining working time, components, version) on the answer itself: a client reads `version`
/// for its next command without knowing how the server stores the view.
/// </summary>
public sealed class when_an_officer_reads_a_dossier(LedgerApp app) : LedgerContext(app)
{
    [Fact]
    public async Task every_field_of_the_contract_is_on_the_answer_itself()
    {
        At(Hanoi(2026, 3, 2, 9));
        var (id, version) = await a_received_dossier();
        At(Hanoi(2026, 3, 3, 9));

        var view = await View(id);

        view.GetProperty("id").GetGuid().ShouldBe(id);
        view.GetProperty("version").GetInt32().ShouldBe(version);
        view.GetProperty("status").GetString().ShouldBe("received");
        view.GetProperty("nationalStatusCode").GetInt32().ShouldBe(2);
        view.GetProperty("currentStep").ValueKind.ShouldBe(JsonValueKind.Number);
        view.GetProperty("holdingUnit").GetString().ShouldBe(ReceptionUnit);
        view.TryGetProperty("holdingOfficer", out _).ShouldBeTrue();
        view.GetProperty("appointment").GetDateTimeOffset().ShouldBeGreaterThan(Hanoi(2026, 3, 3, 9));
        view.GetProperty("timeliness").GetString().ShouldBe("onTrack");
        view.GetProperty("remainingWorkingDays").GetDouble().ShouldBeGreaterThan(0);
        view.GetProperty("components").GetArrayLength().ShouldBe(Procedure.Components.Count);
        view.TryGetProperty("dossier", out _).ShouldBeFalse("the view is flat, not wrapped");
    }

    [Fact]
    public async Task the_dossier_as_it_was_has_the_same_flat_shape()
    {
        At(Hanoi(2026, 3, 2, 9));
        var (id, _) = await a_received_dossier();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/dossiers/{id}?version=1");
            s.WithBearerToken(Reception);
        });
        var first = await result.ReadAsJsonAsync<JsonElement>();

        first.GetProperty("version").GetInt32().ShouldBe(1);
        first.GetProperty("status").GetString().ShouldBe("submitted");
    }
}
