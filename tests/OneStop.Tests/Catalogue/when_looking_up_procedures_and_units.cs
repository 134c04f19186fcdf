using OneStop.Catalogue;
using Shouldly;

namespace OneStop.Tests.Catalogue;

public class when_looking_up_procedures_and_units
{
    private static readonly ProcedureCatalogue Catalogue = ProcedureCatalogue.Load();

    [Theory]
    [InlineData("g06.nlnt.01", "G06.NLNT.01")]
    [InlineData(" 1.009846 ", "1.009846")]
    [InlineData("G06.TS.03", "G06.TS.03")]
    public void finds_a_procedure_by_its_code_in_any_case(string code, string id) =>
        Catalogue.Find(code).ShouldNotBeNull().Id.ShouldBe(id);

    [Fact]
    public void finds_nothing_for_an_unknown_code_or_version()
    {
        Catalogue.Find("G06.XX.99").ShouldBeNull();
        Catalogue.Find("G06.NLNT.01", 2).ShouldBeNull();
        Catalogue.Find("G06.NLNT.01", 1).ShouldNotBeNull();
    }

    [Fact]
    public void finds_a_unit_by_its_code_in_any_case()
    {
        var unit = Catalogue.FindUnit("catbxhn").ShouldNotBeNull();

        unit.ShouldBe(new HandlingUnit(
            "CATBXHN",
            "Cục An toàn bức xạ và hạt nhân",
            "Vietnam Agency for Radiation and Nuclear Safety"));
        Catalogue.FindUnit("NOPE").ShouldBeNull();
    }
}
