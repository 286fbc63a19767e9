namespace CityTwin.Web.Live;

/// <summary>A client's map view. Assets are sent only at <see cref="AssetZoom"/> and closer.</summary>
public readonly record struct Viewport(double West, double South, double East, double North, double Zoom)
{
    /// <summary>Below this zoom the map shows choropleths, so no per-asset frames are sent.</summary>
    public const double AssetZoom = 13;

    public bool ShowsAssets => Zoom >= AssetZoom;

    public bool Contains(double lon, double lat) => lon >= West && lon <= East && lat >= South && lat <= North;
}
