using System.Globalization;
using System.Text;

namespace OneStop.Catalogue;

/// <summary>Folds Vietnamese text for matching: no case, no diacritics, single spaces.</summary>
public static class VietnameseText
{
    /// <summary>Folds NFC or NFD text: "Cấp  Phép" and "cap phep" fold alike.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (pendingSpace)
                folded.Append(' ');
            pendingSpace = false;
            // Đ has no canonical decomposition, so stripping marks leaves it alone.
            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    /// <summary>The folded words of the text.</summary>
    public static string[] Words(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
