namespace CityTwin.Web.Tours;

/// <summary>A stop's camera as sent: <c>{center: [lon, lat], zoom, bearing, pitch}</c>.</summary>
public sealed class TourCameraInput
{
    public double[]? Center { get; set; }
    public double? Zoom { get; set; }
    public double? Bearing { get; set; }
    public double? Pitch { get; set; }
}
