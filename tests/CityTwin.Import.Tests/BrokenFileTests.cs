using CityTwin.Testing;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using static CityTwin.Import.Tests.Importing;

namespace CityTwin.Import.Tests;

/// <summary>Broken files: repaired where that is safe, otherwise refused with the file and the feature named.</summary>
public sealed class BrokenFileTests : IDisposable
{
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_self_intersecting_dong_is_repaired_and_the_note_names_file_and_feature()
    {
        var dongs = ImportFixtures.DongFeatures(withParent: false);
        var d = ImportFixtures.Dongs[1];
        // A bow tie: the ring crosses itself in the middle of the square.
        var bowTie = new GeometryFactory().CreatePolygon([
            new(d.Lon, d.Lat), new(d.Lon + ImportFixtures.DongSize, d.Lat + ImportFixtures.DongSize),
            new(d.Lon + ImportFixtures.DongSize, d.Lat), new(d.Lon, d.Lat + ImportFixtures.DongSize), new(d.Lon, d.Lat)]);
        Assert.False(bowTie.IsValid);
        dongs[1] = new Feature(bowTie, dongs[1].Attributes);
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var dong = _files.WriteGeoJson("dong.geojson", dongs);

        var (city, catalog, _) = ImportAndLoad(_files, Request(gu, dong));

        var note = Assert.Single(city.Notes, n => n.Message.StartsWith("repaired", StringComparison.Ordinal));
        Assert.Equal("dong.geojson", note.File);
        Assert.Equal("#1 (Westgate 2)", note.Feature);
        var repaired = catalog.FindDong("1102")!.Boundary;
        Assert.True(repaired.IsValid);
        // Both triangles of the bow tie are kept: half the square.
        Assert.Equal(ImportFixtures.DongSize * ImportFixtures.DongSize / 2, repaired.Area, 9);
    }

    [Fact]
    public void Garbage_geometry_is_refused_naming_the_file_the_feature_index_and_name()
    {
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var dong = _files.WriteText("dong.geojson", """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "DONG_CODE": "1101", "DONG_NAME": "Westgate 1" },
                "geometry": { "type": "Polygon", "coordinates": [[[126.60, 37.40], [126.62, 37.40], [126.62, 37.42], [126.60, 37.40]]] } },
              { "type": "Feature", "properties": { "DONG_CODE": "1102", "DONG_NAME": "Westgate 2" },
                "geometry": { "type": "Polygon", "coordinates": [[["north", "east"], [1]]] } },
              { "type": "Feature", "properties": { "DONG_CODE": "1201", "DONG_NAME": "Eastgate 1" },
                "geometry": { "type": "LineString", "coordinates": [[126.64, 37.40], [126.66, 37.42]] } },
              { "type": "Feature", "properties": { "DONG_CODE": "1202", "DONG_NAME": "Eastgate 2" },
                "geometry": { "type": "Polygon", "coordinates": [[[1e300, 37.40], [126.68, 37.40], [126.68, 37.42], [1e300, 37.40]]] } }
            ] }
            """);

        var ex = Fails(Request(gu, dong));

        Assert.Collection(ex.Problems,
            p => Assert.Equal(("dong.geojson", "#1 (Westgate 2)"), (p.File, p.Feature)),
            p =>
            {
                Assert.Equal(("dong.geojson", "#2 (Eastgate 1)"), (p.File, p.Feature));
                Assert.Contains("is a LineString, expected Polygon or MultiPolygon", p.Message, StringComparison.Ordinal);
            },
            p =>
            {
                Assert.Equal(("dong.geojson", "#3 (Eastgate 2)"), (p.File, p.Feature));
                Assert.Contains("outside lon/lat range", p.Message, StringComparison.Ordinal);
            });
        Assert.Contains("dong.geojson, feature #1 (Westgate 2): geometry could not be read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shapefile_without_prj_is_refused_until_the_crs_is_given()
    {
        var gu = _files.WriteShapefileZip("gu.zip", "gu", ImportFixtures.GuFeatures(), 5186, withPrj: false);
        var dong = _files.WriteShapefileZip("dong.zip", "dong", ImportFixtures.DongFeatures(false), 5186, withPrj: false);

        var ex = Fails(Request(gu, dong));
        Assert.Contains(ex.Problems, p => p.File == "gu.zip" && p.Message.Contains("names no CRS", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.File == "dong.zip" && p.Message.Contains("names no CRS", StringComparison.Ordinal));

        var (_, catalog, _) = ImportAndLoad(_files, Request(gu, dong, crs: "EPSG:5186"));
        Assert.Equal(4, catalog.Dongs.Count);
    }

    [Fact]
    public void A_mapping_naming_a_missing_field_is_refused_listing_the_files_fields()
    {
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var dong = _files.WriteGeoJson("dong.geojson", ImportFixtures.DongFeatures(false));

        var ex = Fails(Request(gu, dong, MapFields("""{ "gu": { "code": "SIG_CD", "name": "GU_NAME" }, "dong": { "code": "DONG_CODE", "name": "DONG_NAME" } }""")));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("mapping.json", problem.File);
        Assert.Equal("gu.code: field 'SIG_CD' is not in gu.geojson (its fields: GU_CODE, GU_NAME, POP)", problem.Message);
    }

    [Theory]
    [InlineData("""{ "gu": { "kode": "X" } }""", "gu.kode: unknown entry")]
    [InlineData("""{ "districts": {} }""", "unknown layer 'districts'")]
    [InlineData("""{ "gu": { "code": 5 } }""", "gu.code: must be a field name")]
    [InlineData("""{ "level": { "field": "L" } }""", "level.gu: missing")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ not json", "not valid JSON")]
    public void A_malformed_mapping_file_is_refused_naming_the_entry(string json, string message)
    {
        var ex = Assert.Throws<CityImportException>(() => MapFields(json));
        Assert.Equal("mapping.json", ex.Problems[0].File);
        Assert.Contains(message, ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_codes_are_refused_naming_both_features()
    {
        var dongs = ImportFixtures.DongFeatures(withParent: true);
        dongs[3].Attributes["DONG_CODE"] = "1201";
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var dong = _files.WriteGeoJson("dong.geojson", dongs);

        var ex = Fails(Request(gu, dong, WithParent));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("dong.geojson", "#3 (Eastgate 2)", "code 1201 is already used by feature #2 (Eastgate 1)"), (problem.File, problem.Feature, problem.Message));
    }

    [Fact]
    public void A_dong_naming_an_unknown_gu_is_refused()
    {
        var dongs = ImportFixtures.DongFeatures(withParent: true);
        dongs[0].Attributes["GU_CODE"] = "99";
        var gu = _files.WriteGeoJson("gu.geojson", ImportFixtures.GuFeatures());
        var dong = _files.WriteGeoJson("dong.geojson", dongs);

        var ex = Fails(Request(gu, dong, WithParent));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("dong.geojson", "1101 (Westgate 1)", "its gu code 99 names no gu in gu.geojson"), (problem.File, problem.Feature, problem.Message));
    }

    private static Mapping.PropertyMapping WithParent => MapFields("""
        { "gu": { "code": "GU_CODE", "name": "GU_NAME" }, "dong": { "code": "DONG_CODE", "name": "DONG_NAME", "parent": "GU_CODE" } }
        """);

    [Fact]
    public void Projected_coordinates_read_as_lon_lat_are_refused_with_a_hint_at_the_crs()
    {
        // A projected GeoJSON that lost its crs member: the numbers are metres, not degrees.
        var projected = _files.WriteGeoJson("tmp.geojson", ImportFixtures.GuFeatures(), epsg: 5186);
        var text = File.ReadAllText(projected);
        var gu = _files.WriteText("gu.geojson", System.Text.RegularExpressions.Regex.Replace(text, ",\"crs\":\\{.*\\}\\}\\}$", "}"));

        var ex = Fails(Request(gu, null));

        Assert.All(ex.Problems, p => Assert.Contains("is the CRS right?", p.Message, StringComparison.Ordinal));
        Assert.Equal(2, ex.Problems.Count);
    }
}
