using CityTwin.Import.Crs;
using NetTopologySuite.Geometries;

namespace CityTwin.Import.Tests;

/// <summary>Reprojection checked against points whose lon/lat follow from the CRS definitions themselves (the natural origins).</summary>
public class ReprojectionTests
{
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData("EPSG:5186", 200_000, 600_000, 127.0, 38.0)]   // Korea 2000 / Central Belt 2010: false easting/northing at 38°N 127°E
    [InlineData("EPSG:5179", 1_000_000, 2_000_000, 127.5, 38.0)] // Korea 2000 / Unified CS
    [InlineData("EPSG:5187", 200_000, 600_000, 129.0, 38.0)]   // Korea 2000 / East Belt 2010
    [InlineData("EPSG:32652", 500_000, 0, 129.0, 0.0)]         // UTM 52N: central meridian on the equator
    [InlineData("EPSG:32748", 500_000, 10_000_000, 105.0, 0.0)] // UTM 48S (Jakarta's zone): false northing 10,000 km
    [InlineData("EPSG:3857", 0, 0, 0.0, 0.0)]
    public void A_known_point_lands_where_the_crs_puts_it(string crs, double x, double y, double lon, double lat)
    {
        var projector = new Reprojector(CrsCatalog.Parse(crs, "test"));
        var p = (Point)projector.ToWgs84(Factory.CreatePoint(new Coordinate(x, y)));
        Assert.Equal(lon, p.X, 6);
        Assert.Equal(lat, p.Y, 6);
    }

    [Fact]
    public void Web_mercator_one_degree_east_is_111_km_at_the_equator()
    {
        var projector = new Reprojector(CrsCatalog.Parse("EPSG:3857", "test"));
        var p = (Point)projector.ToWgs84(Factory.CreatePoint(new Coordinate(6378137 * Math.PI / 180, 0)));
        Assert.Equal(1.0, p.X, 9);
    }

    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::5186", "EPSG:5186")]
    [InlineData("EPSG:4326", "EPSG:4326")]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326")]
    public void Crs_names_as_files_write_them_are_understood(string text, string label) =>
        Assert.Equal(label, CrsCatalog.Parse(text, "test").Label);

    [Theory]
    [InlineData("EPSG:2263", "not among the codes known by number")]
    [InlineData("Korea Central", "is not understood")]
    [InlineData("PROJCS[\"broken\",GEOGCS[", "could not be read")]
    public void An_unknown_or_broken_crs_is_refused_with_the_reason(string text, string reason)
    {
        var ex = Assert.Throws<CityImportException>(() => CrsCatalog.Parse(text, "form field crs"));
        Assert.Equal("form field crs", ex.Problems[0].File);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
