using System.Text;
using OneStop.Catalogue;
using Shouldly;

namespace OneStop.Tests.Catalogue;

public class when_searching_procedures
{
    private static readonly ProcedureCatalogue Catalogue = ProcedureCatalogue.Load();

    private static string[] Ids(string? search, string? field = null) =>
        [.. Catalogue.Search(search, field).Select(p => p.Id)];

    [Fact]
    public void finds_accented_names_from_unaccented_lowercase_words()
    {
        var found = Catalogue.Search("cap phep", null);

        found.Count.ShouldBe(13);
        found.ShouldContain(p => p.Id == "G06.BC.01");
        found.ShouldAllBe(p => p.NameVi.Contains("ấp", StringComparison.Ordinal)
            && p.NameVi.Contains("phép", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void finds_the_same_from_accented_uppercase_words() =>
        Ids("CẤP PHÉP").ShouldBe(Ids("cap phep"));

    [Fact]
    public void finds_the_same_from_decomposed_input()
    {
        var decomposed = "Cấp phép".Normalize(NormalizationForm.FormD);
        decomposed.ShouldNotBe("Cấp phép", "the input must really be NFD");

        Ids(decomposed).ShouldBe(Ids("cap phep"));
    }

    [Fact]
    public void folds_d_with_stroke_to_d()
    {
        Ids("dang ky").Length.ShouldBe(10);
        Ids("đăng ký").ShouldBe(Ids("dang ky"));
        Ids("ĐĂNG KÝ").ShouldBe(Ids("dang ky"));
        Ids("Đăng ký chuyển giao").ShouldBe(["G06.CGCN.03"]);
    }

    [Fact]
    public void requires_every_word_in_any_order()
    {
        Ids("buc xa giay phep").Length.ShouldBe(7);
        Ids("giay phep buc xa nhan hieu").ShouldBeEmpty();
    }

    [Fact]
    public void matches_english_names_and_codes()
    {
        Ids("trademark").ShouldBe(["G06.SHTT.02"]);
        Ids("1.009846").ShouldBe(["1.009846"]);
        Ids("g06.ts").Length.ShouldBe(3);
    }

    [Fact]
    public void returns_every_procedure_for_no_search() =>
        Ids(null).Length.ShouldBe(36);

    [Fact]
    public void filters_by_field_ignoring_case_and_diacritics()
    {
        Ids(null, "so huu tri tue").ShouldBe(
            ["G06.SHTT.01", "G06.SHTT.02", "G06.SHTT.03", "G06.SHTT.04"]);
        Ids(null, "SỞ HỮU TRÍ TUỆ").ShouldBe(Ids(null, "so huu tri tue"));
        Ids("cap lai", "Bưu chính").ShouldBe(["1.004428", "G06.BC.04"]);
        Ids(null, "khong co linh vuc nay").ShouldBeEmpty();
    }
}
