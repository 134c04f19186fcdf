using System.Text;
using OneStop.Catalogue;
using Shouldly;

namespace OneStop.Tests.Catalogue;

public class when_a_procedure_has_several_versions
{
    private static ProcedureCatalogue Load(string json) =>
        ProcedureCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Procedure(int version, string name, string unit = "U1") => $$"""
        {
          "id": "L.01", "nationalCode": "1.000001", "version": {{version}},
          "nameVi": "{{name}}", "nameEn": "{{name}}", "field": "Thử nghiệm",
          "unit": "{{unit}}", "handlingUnit": "Unit one",
          "timeLimit": { "value": 5, "unit": "WorkingDays" }, "stages": [],
          "steps": [{ "id": "S01", "name": "Decision", "limit": null, "unit": "{{unit}}" }],
          "components": [], "feeVnd": null, "feeNote": null, "result": null,
          "channels": ["Counter"], "fullyOnline": false, "source": "test"
        }
        """;

    private static string Catalogue(params string[] procedures) => $$"""
        {
          "about": "test", "agencyCode": "000.00.00.T01",
          "units": [{ "code": "U1", "nameVi": "Đơn vị một", "nameEn": "Unit one" }],
          "procedures": [{{string.Join(',', procedures)}}]
        }
        """;

    [Fact]
    public void finds_the_latest_by_default_and_any_version_on_request()
    {
        var catalogue = Load(Catalogue(Procedure(1, "Cũ"), Procedure(2, "Mới")));

        catalogue.Find("L.01").ShouldNotBeNull().Version.ShouldBe(2);
        catalogue.Find("1.000001", 1).ShouldNotBeNull().NameVi.ShouldBe("Cũ");
        catalogue.Procedures.ShouldHaveSingleItem().Version.ShouldBe(2);
        catalogue.Search("cu", null).ShouldBeEmpty("search covers current versions only");
    }

    [Fact]
    public void refuses_a_repeated_version() =>
        Should.Throw<InvalidDataException>(
            () => Load(Catalogue(Procedure(1, "A"), Procedure(1, "B"))));

    [Fact]
    public void refuses_a_step_held_by_an_unknown_unit() =>
        Should.Throw<InvalidDataException>(() => Load(Catalogue(Procedure(1, "A", unit: "U9"))))
            .Message.ShouldContain("U9");
}
