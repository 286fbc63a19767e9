using System.Text.Json.Nodes;
using CityTwin.Model.City;
using CityTwin.Testing;
using static CityTwin.Import.Tests.Importing;

namespace CityTwin.Import.Tests;

/// <summary>Each format, written by its real writer, imports into a pack that the twin's loader loads.</summary>
public sealed class ImportFormatTests : IDisposable
{
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void GeoJson_in_lon_lat_imports_and_dongs_find_their_gu_by_containment()
    {
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var dong = _files.WriteGeoJson("dong.geojson", ImportFixtures.DongFeatures(withParent: false));

        var (city, catalog, _) = ImportAndLoad(_files, Request(gu, dong));

        Assert.Equal("harbourton", catalog.Id);
        Assert.Equal(["11", "12"], catalog.Districts.Select(d => d.Code).Order());
        Assert.Equal(ImportFixtures.Dongs.Select(d => (d.Code, d.Gu)), catalog.Dongs.Select(d => (d.Code, d.GuCode)).OrderBy(x => x.Code));
        Assert.Equal(120_000, catalog.FindDistrict("11")!.Population);
        Assert.Contains(city.Notes, n => n.Message.Contains("contains them", StringComparison.Ordinal));
        Assert.NotEmpty(catalog.Assets);
        Assert.All(catalog.Assets, a => Assert.Contains(a.DongCode, ImportFixtures.Dongs.Select(d => d.Code)));
    }

    [Fact]
    public void GeoPackage_in_utm_52n_imports_with_the_crs_from_its_srs_table()
    {
        var gu = _files.WriteGeoPackage("gu.gpkg", "districts", ImportFixtures.GuFeatures(), 32652);
        var dong = _files.WriteGeoPackage("dong.gpkg", "neighbourhoods", ImportFixtures.DongFeatures(withParent: true), 32652);

        var (_, catalog, directory) = ImportAndLoad(_files, Request(gu, dong, MapFields("""
            { "gu": { "code": "GU_CODE", "name": "GU_NAME", "population": "POP" },
              "dong": { "code": "DONG_CODE", "name": "DONG_NAME", "parent": "GU_CODE" } }
            """)));

        Assert.Equal(4, catalog.Dongs.Count);
        AssertCornersMatch(catalog, 1e-6);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "city.json")))!;
        Assert.Equal("EPSG:32652", manifest["import"]!["crs"]!["gu.gpkg"]!.GetValue<string>());
    }

    [Fact]
    public void Zipped_shapefile_in_korea_central_belt_imports_with_the_crs_from_its_prj()
    {
        var gu = _files.WriteShapefileZip("gu.zip", "gu", ImportFixtures.GuFeatures(), 5186);
        var dong = _files.WriteShapefileZip("dong.zip", "dong", ImportFixtures.DongFeatures(withParent: false), 5186);

        var (_, catalog, _) = ImportAndLoad(_files, Request(gu, dong));

        Assert.Equal(2, catalog.Districts.Count);
        AssertCornersMatch(catalog, 1e-6);
        Assert.Equal(80_000, catalog.FindDistrict("12")!.Population);
    }

    [Fact]
    public void GeoJson_naming_a_projected_crs_in_its_crs_member_is_reprojected()
    {
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures(), epsg: 5186);
        var dong = _files.WriteGeoJson("dong.geojson", ImportFixtures.DongFeatures(withParent: true), epsg: 5186);

        var (_, catalog, _) = ImportAndLoad(_files, Request(gu, dong, MapFields("""
            { "gu": { "code": "GU_CODE", "name": "GU_NAME" }, "dong": { "code": "DONG_CODE", "name": "DONG_NAME", "parent": "GU_CODE" } }
            """)));

        AssertCornersMatch(catalog, 1e-6);
    }

    [Fact]
    public void One_file_with_both_levels_is_split_by_its_level_field()
    {
        var features = ImportFixtures.GuFeatures().Select(f => Relabel(f, "gu")).Concat(ImportFixtures.DongFeatures(true).Select(f => Relabel(f, "dong")));
        var both = _files.WriteGeoJson("admin.geojson", features);

        var (_, catalog, _) = ImportAndLoad(_files, Request(both, null, MapFields("""
            { "gu": { "code": "CODE", "name": "NAME" }, "dong": { "code": "CODE", "name": "NAME", "parent": "PARENT" },
              "level": { "field": "LEVEL", "gu": "gu", "dong": "dong" } }
            """)));

        Assert.Equal(["11", "12"], catalog.Districts.Select(d => d.Code).Order());
        Assert.Equal(4, catalog.Dongs.Count);
        Assert.Equal(2, catalog.Dongs.Count(d => d.GuCode == "12"));
    }

    [Fact]
    public void The_manifest_marks_the_template_figures_as_borrowed_and_places_the_city_at_its_bounds()
    {
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var dong = _files.WriteGeoJson("dong.geojson", ImportFixtures.DongFeatures(false));
        var request = Request(gu, dong) with { TimeZone = null, Locale = null };

        var (_, catalog, directory) = ImportAndLoad(_files, request);

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "city.json")))!;
        var borrowed = manifest["borrowed"]!["fields"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(["climate", "fleet", "grid", "standards", "streetlights", "timeZone", "locale"], borrowed);
        Assert.Equal("incheon", manifest["borrowed"]!["from"]!.GetValue<string>());
        Assert.StartsWith("[borrowed from incheon]", manifest["climate"]!["windMs"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Asia/Seoul", catalog.Pack.TimeZoneId);
        Assert.Equal(ImportFixtures.South + ImportFixtures.DongSize / 2, catalog.Pack.Location.Latitude, 4);
        Assert.Equal(ImportFixtures.West + 2 * ImportFixtures.DongSize, catalog.Pack.Location.Longitude, 4);
        Assert.All(CityPack.Languages, l => Assert.Equal("Harbourton", catalog.Pack.Name(l)));
    }

    private static NetTopologySuite.Features.IFeature Relabel(NetTopologySuite.Features.IFeature f, string level)
    {
        var a = f.Attributes;
        var table = new NetTopologySuite.Features.AttributesTable
        {
            { "LEVEL", level },
            { "CODE", level == "gu" ? a["GU_CODE"] : a["DONG_CODE"] },
            { "NAME", level == "gu" ? a["GU_NAME"] : a["DONG_NAME"] },
            { "PARENT", level == "gu" ? "" : a["GU_CODE"] },
        };
        return new NetTopologySuite.Features.Feature(f.Geometry, table);
    }

    /// <summary>Each dong's south-west corner, after the round trip through the projected CRS, is where it was drawn.</summary>
    private static void AssertCornersMatch(CityCatalog catalog, double toleranceDeg)
    {
        foreach (var expected in ImportFixtures.Dongs)
        {
            var boundary = catalog.FindDong(expected.Code)!.Boundary;
            var nearest = boundary.Coordinates.MinBy(c => Math.Abs(c.X - expected.Lon) + Math.Abs(c.Y - expected.Lat))!;
            Assert.InRange(nearest.X, expected.Lon - toleranceDeg, expected.Lon + toleranceDeg);
            Assert.InRange(nearest.Y, expected.Lat - toleranceDeg, expected.Lat + toleranceDeg);
        }
    }
}
