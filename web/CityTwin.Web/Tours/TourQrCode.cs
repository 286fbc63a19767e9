using QRCoder;

namespace CityTwin.Web.Tours;

/// <summary>The join link as a QR code, drawn on the server as SVG so phones on the projector's side scan it.</summary>
public static class TourQrCode
{
    public const string ContentType = "image/svg+xml";

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a projector's glare and a smudged screen; the link is short enough either way.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#0a1422", "#ffffff", drawQuietZones: true);
    }
}
