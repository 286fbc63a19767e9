using NetTopologySuite.Geometries;

namespace CityTwin.Model.Generation;

/// <summary>
/// Metric sizes of small WGS84 geometries. A local equirectangular approximation is accurate to
/// well under 1 % across a building or a road segment, which is all the models need.
/// </summary>
public static class GeoMath
{
    private const double MetresPerDegreeLat = 110_574;
    private const double MetresPerDegreeLonAtEquator = 111_320;

    public static double AreaM2(Geometry g)
    {
        var lat = g.Centroid.Y;
        return g.Area * MetresPerDegreeLat * MetresPerDegreeLonAtEquator * Math.Cos(lat * Math.PI / 180);
    }

    public static double LengthM(LineString line)
    {
        var total = 0.0;
        var coords = line.Coordinates;
        for (var i = 1; i < coords.Length; i++)
            total += DistanceM(coords[i - 1].X, coords[i - 1].Y, coords[i].X, coords[i].Y);
        return total;
    }

    public static double DistanceM(double lon1, double lat1, double lon2, double lat2)
    {
        var kx = MetresPerDegreeLonAtEquator * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var dx = (lon2 - lon1) * kx;
        var dy = (lat2 - lat1) * MetresPerDegreeLat;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>A representative point: the interior point for polygons, the middle for lines.</summary>
    public static Point Anchor(Geometry g) => g switch
    {
        LineString line => line.Factory.CreatePoint(new NetTopologySuite.LinearReferencing.LengthIndexedLine(line).ExtractPoint(line.Length / 2)),
        _ => g.InteriorPoint,
    };
}
