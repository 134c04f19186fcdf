using OneStop.Catalogue;
using Shouldly;

namespace OneStop.Tests.Catalogue;

public class when_checking_a_dossiers_components
{
    private static readonly ProcedureCatalogue Catalogue = ProcedureCatalogue.Load();

    // Five required components, C01 to C05.
    private static readonly Procedure WorkerCertificate = Catalogue.Find("1.009846")!;

    [Fact]
    public void lists_every_missing_required_component_at_once()
    {
        var result = Catalogue.Check(WorkerCertificate, ["C01", "C03"]);

        result.Missing.Select(c => c.Id).ShouldBe(["C02", "C04", "C05"]);
        result.Complete.ShouldBeFalse();
    }

    [Fact]
    public void is_complete_when_every_required_component_is_given_by_id_in_any_case()
    {
        var result = Catalogue.Check(WorkerCertificate, ["c01", "C02", "c03", "C04", "c05"]);

        result.Complete.ShouldBeTrue();
        result.Missing.ShouldBeEmpty();
        result.Unknown.ShouldBeEmpty();
        result.Provided.Count.ShouldBe(5);
    }

    [Fact]
    public void matches_names_ignoring_case_and_diacritics_in_either_language()
    {
        var result = Catalogue.Check(WorkerCertificate,
        [
            "Đơn đề nghị cấp Chứng chỉ nhân viên bức xạ (Mẫu 05 Phụ lục IV)",
            "BAN SAO VAN BANG, CHUNG CHI CHUYEN MON PHU HOP",
            "giay chung nhan dao tao an toan buc xa",
            "Health-check certificate (district-level or higher clinic, ≤6 months old)",
        ]);

        result.Missing.Select(c => c.Id).ShouldBe(["C05"]);
        result.Unknown.ShouldBeEmpty();
    }

    [Fact]
    public void reports_entries_that_match_no_component_without_failing_completeness()
    {
        string[] provided = ["C01", "C02", "C03", "C04", "C05", "C99", "Ảnh"];

        var result = Catalogue.Check(WorkerCertificate, provided);

        result.Unknown.ShouldBe(["C99", "Ảnh"]);
        result.Complete.ShouldBeTrue();
    }

    [Fact]
    public void does_not_require_optional_components_but_recognises_them()
    {
        var licence = Catalogue.Find("G06.NLNT.01")!;
        var required = licence.Components.Where(c => c.Required).Select(c => c.Id).ToArray();

        Catalogue.Check(licence, required).Complete.ShouldBeTrue();
        Catalogue.Check(licence, [.. required, "C06"]).Provided.ShouldContain(c => c.Id == "C06");
    }

    [Fact]
    public void is_complete_for_a_procedure_without_components() =>
        Catalogue.Check(Catalogue.Find("G06.TS.01")!, []).Complete.ShouldBeTrue();
}
