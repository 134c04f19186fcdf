using System.Text;

namespace OneStop.Digitising;

/// <summary>A page count for PDF scans, read from their page objects; null for other files.</summary>
public static class PdfPages
{
    public static int? Count(byte[] content)
    {
        if (content.Length < 5 || !content.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            return null;
        // Latin-1 keeps one char per byte, so the markers are found wherever they are.
        var text = Encoding.Latin1.GetString(content);
        var pages = 0;
        for (var at = text.IndexOf("/Type", StringComparison.Ordinal); at >= 0;
             at = text.IndexOf("/Type", at + 5, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + 5).TrimStart();
            if (rest.StartsWith("/Page") && !rest.StartsWith("/Pages"))
                pages++;
        }

        return pages > 0 ? pages : null;
    }
}
