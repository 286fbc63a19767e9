using CityTwin.Model.City;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CityTwin.Model.Generation;

/// <summary>Point-in-polygon lookup of the dong that holds a point, with nearest-dong fallback for points on the coast.</summary>
public sealed class DongLocator
{
    private readonly STRtree<(DongInfo Dong, IPointOnGeometryLocator Locator)> _index = new();
    private readonly IReadOnlyList<DongInfo> _dongs;

    public DongLocator(IReadOnlyList<DongInfo> dongs)
    {
        _dongs = dongs;
        foreach (var d in dongs)
            _index.Insert(d.Boundary.EnvelopeInternal, (d, new IndexedPointInAreaLocator(d.Boundary)));
        _index.Build();
    }

    /// <summary>
    /// The dong containing the point or, for a point just off every polygon (piers, reclaimed
    /// land newer than the 2021 boundaries), the nearest dong within <paramref name="maxDistanceM"/>.
    /// </summary>
    public DongInfo? Locate(Point p, double maxDistanceM = 3000)
    {
        foreach (var (dong, locator) in _index.Query(p.EnvelopeInternal))
            if (locator.Locate(p.Coordinate) != Location.Exterior) return dong;

        DongInfo? best = null;
        var bestDistance = double.MaxValue;
        foreach (var d in _dongs)
        {
            var deg = d.Boundary.Distance(p);
            if (deg < bestDistance)
            {
                bestDistance = deg;
                best = d;
            }
        }
        // Degrees to metres is rough here, but only the threshold depends on it.
        return best is not null && bestDistance * 100_000 <= maxDistanceM ? best : null;
    }
}
