using CityTwin.Model.City;

namespace CityTwin.Web.Live;

/// <summary>
/// The grid that compact frames are cut on: Web-Mercator tiles at <see cref="Zoom"/> (about 300 m
/// across at Incheon's latitude). Each asset's tile is computed once; a viewport becomes the range of
/// tiles it touches, so clients looking at the same part of the city ask for the same tiles.
/// </summary>
public sealed class FrameTiles
{
    /// <summary>
    /// Fine enough that a 1280×800 window at zoom 15 receives about a quarter more assets than it
    /// shows (the tiles it cuts at its edges), coarse enough that a zoom-13 window spans ~1,300 tiles.
    /// </summary>
    public const int Zoom = 17;

    private readonly int[] _x;
    private readonly int[] _y;

    public FrameTiles(CityCatalog catalog)
    {
        var assets = catalog.Assets;
        _x = new int[assets.Count];
        _y = new int[assets.Count];
        for (var i = 0; i < assets.Count; i++)
        {
            _x[i] = TileX(assets[i].Lon);
            _y[i] = TileY(assets[i].Lat);
        }
    }

    public long KeyOf(int assetIndex) => Key(_x[assetIndex], _y[assetIndex]);

    public static long Key(int x, int y) => ((long)x << 32) | (uint)y;

    public static (int X, int Y) Unkey(long key) => ((int)(key >> 32), (int)(uint)key);

    /// <summary>The tiles a viewport touches, inclusive (y grows southwards).</summary>
    public static TileRange RangeOf(Viewport v) => new(TileX(v.West), TileY(v.North), TileX(v.East), TileY(v.South));

    public bool Contains(TileRange r, int assetIndex) =>
        _x[assetIndex] >= r.X0 && _x[assetIndex] <= r.X1 && _y[assetIndex] >= r.Y0 && _y[assetIndex] <= r.Y1;

    private static int TileX(double lon)
    {
        var n = 1 << Zoom;
        return Math.Clamp((int)Math.Floor((lon + 180) / 360 * n), 0, n - 1);
    }

    private static int TileY(double lat)
    {
        var n = 1 << Zoom;
        var rad = Math.Clamp(lat, -85.05112878, 85.05112878) * Math.PI / 180;
        return Math.Clamp((int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n), 0, n - 1);
    }
}
