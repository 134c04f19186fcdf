using QRCoder;

namespace OneStop.Pages;

/// <summary>QR codes drawn on the server as SVG, so the receipt needs neither scripts nor image files.</summary>
public static class QrCode
{
    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true,
            SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
