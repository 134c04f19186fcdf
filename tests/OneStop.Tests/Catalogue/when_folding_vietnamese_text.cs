using System.Text;
using OneStop.Catalogue;
using Shouldly;

namespace OneStop.Tests.Catalogue;

public class when_folding_vietnamese_text
{
    [Theory]
    [InlineData("Cấp phép", "cap phep")]
    [InlineData("ĐƯỜNG Ước", "duong uoc")]
    [InlineData("  Sở   hữu\ttrí tuệ ", "so huu tri tue")]
    [InlineData("Tần số vô tuyến điện", "tan so vo tuyen dien")]
    [InlineData("G06.NLNT.01", "g06.nlnt.01")]
    public void drops_case_diacritics_and_extra_spaces(string text, string folded) =>
        VietnameseText.Fold(text).ShouldBe(folded);

    [Fact]
    public void folds_nfc_and_nfd_alike()
    {
        const string text = "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia";

        VietnameseText.Fold(text.Normalize(NormalizationForm.FormD))
            .ShouldBe(VietnameseText.Fold(text.Normalize(NormalizationForm.FormC)));
    }
}
