namespace CityTwin.Web.Live;

/// <summary>An inclusive range of <see cref="FrameTiles"/> tiles: what a viewport touches.</summary>
public readonly record struct TileRange(int X0, int Y0, int X1, int Y1)
{
    public long Cells => (long)(X1 - X0 + 1) * (Y1 - Y0 + 1);

    public bool Contains(int x, int y) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1;
}
