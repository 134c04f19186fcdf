using System.Text;
using System.Text.Json;
using Alba;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Web;

public sealed class when_the_catalogue_is_browsed_over_http(LedgerApp app) : LedgerContext(app)
{
    [Theory]
    [InlineData("cap phep")]
    [InlineData("CẤP PHÉP")]
    [InlineData("dang ky")]
    public async Task search_ignores_case_and_diacritics(string search)
    {
        var nfd = await Search(search.Normalize(NormalizationForm.FormD));
        var nfc = await Search(search.Normalize(NormalizationForm.FormC));

        nfc.GetArrayLength().ShouldBeGreaterThan(0);
        nfd.GetRawText().ShouldBe(nfc.GetRawText());
    }

    [Fact]
    public async Task one_procedure_shows_its_components_limit_and_steps()
    {
        var result = await Host.Scenario(s => s.Get.Url($"/api/procedures/{ProcedureCode}"));
        var procedure = await result.ReadAsJsonAsync<JsonElement>();

        procedure.GetProperty("components").GetArrayLength().ShouldBe(Procedure.Components.Count);
        procedure.GetProperty("timeLimit").GetProperty("value").GetInt32().ShouldBe(7);
        procedure.GetProperty("steps").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task an_unknown_procedure_is_a_404_problem()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/procedures/NO.SUCH.CODE");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }

    [Fact]
    public async Task the_checklist_names_every_missing_required_component()
    {
        var required = AllRequiredComponents();
        var result = await Host.Scenario(s => s.Post
            .Json(new { components = required[1..].Append("not a component").ToArray() })
            .ToUrl($"/api/procedures/{ProcedureCode}/checklist"));
        var answer = await result.ReadAsJsonAsync<JsonElement>();

        answer.GetProperty("complete").GetBoolean().ShouldBeFalse();
        answer.GetProperty("missing")[0].GetProperty("id").GetString().ShouldBe(required[0]);
        answer.GetProperty("unknown")[0].GetString().ShouldBe("not a component");
    }

    private async Task<JsonElement> Search(string search)
    {
        var result = await Host.Scenario(s => s.Get.Url($"/api/procedures?search={Uri.EscapeDataString(search)}"));
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
