using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CityTwin.Import.Crs;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.IO.Esri;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CityTwin.Testing;

/// <summary>
/// Boundary files of a made-up city, "Harbourton", written by the tests in the real formats with
/// the real writers (GeoJSON with NTS, GeoPackage as SQLite with NTS's GeoPackage geometry blobs,
/// zipped Shapefile with NTS's Esri writer and a .prj), in lon/lat or projected to any CRS the
/// importer knows by EPSG code. Two gu side by side, each of two square dongs, near Incheon (so
/// Korea 2000 / Central Belt 2010, EPSG:5186, and UTM 52N, EPSG:32652, both fit). Dispose to delete.
/// </summary>
public sealed class ImportFixtures : IDisposable
{
    public const double West = 126.60;
    public const double South = 37.40;
    public const double DongSize = 0.02;

    /// <summary>The gu: code, English name, population.</summary>
    public static IReadOnlyList<(string Code, string Name, int Population)> Gu { get; } = [("11", "Westgate", 120_000), ("12", "Eastgate", 80_000)];

    /// <summary>The dongs: code, name, gu code, and the lon/lat of their south-west corner.</summary>
    public static IReadOnlyList<(string Code, string Name, string Gu, double Lon, double Lat)> Dongs { get; } =
    [
        ("1101", "Westgate 1", "11", West, South),
        ("1102", "Westgate 2", "11", West + DongSize, South),
        ("1201", "Eastgate 1", "12", West + 2 * DongSize, South),
        ("1202", "Eastgate 2", "12", West + 3 * DongSize, South),
    ];

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public ImportFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "citytwin-import", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>A gu's lon/lat square (its two dongs side by side).</summary>
    public static Polygon GuPolygon(int index) => Rectangle(West + 2 * DongSize * index, South, West + 2 * DongSize * (index + 1), South + DongSize);

    public static Polygon DongPolygon(int index) => Rectangle(Dongs[index].Lon, Dongs[index].Lat, Dongs[index].Lon + DongSize, Dongs[index].Lat + DongSize);

    public static Polygon Rectangle(double west, double south, double east, double north) =>
        Factory.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);

    /// <summary>The gu features, with fields <c>GU_CODE</c>, <c>GU_NAME</c>, <c>POP</c>.</summary>
    public static List<IFeature> GuFeatures() =>
        [.. Gu.Select((g, i) => (IFeature)new Feature(GuPolygon(i), new AttributesTable { { "GU_CODE", g.Code }, { "GU_NAME", g.Name }, { "POP", g.Population } }))];

    /// <summary>The dong features, fields <c>DONG_CODE</c>, <c>DONG_NAME</c> and, when asked, the parent <c>GU_CODE</c>.</summary>
    public static List<IFeature> DongFeatures(bool withParent) =>
        [.. Dongs.Select((d, i) =>
        {
            var attributes = new AttributesTable { { "DONG_CODE", d.Code }, { "DONG_NAME", d.Name } };
            if (withParent) attributes.Add("GU_CODE", d.Gu);
            return (IFeature)new Feature(DongPolygon(i), attributes);
        })];

    /// <summary>The mapping for the fields above.</summary>
    public const string MappingJson = """
        { "gu": { "code": "GU_CODE", "name": "GU_NAME", "population": "POP" },
          "dong": { "code": "DONG_CODE", "name": "DONG_NAME" } }
        """;

    public string WriteMapping(string name = "mapping.json", string json = MappingJson)
    {
        File.WriteAllText(PathOf(name), json);
        return PathOf(name);
    }

    /// <summary>A GeoJSON FeatureCollection; with <paramref name="epsg"/>, projected and named in a <c>crs</c> member.</summary>
    public string WriteGeoJson(string name, IEnumerable<IFeature> features, int? epsg = null)
    {
        var collection = new FeatureCollection();
        foreach (var f in features) collection.Add(epsg is { } code ? Project(f, code) : f);
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var json = JsonSerializer.SerializeToNode(collection, options)!.AsObject();
        if (epsg is { } e) json["crs"] = JsonSerializer.SerializeToNode(new { type = "name", properties = new { name = $"urn:ogc:def:crs:EPSG::{e}" } });
        File.WriteAllText(PathOf(name), json.ToJsonString());
        return PathOf(name);
    }

    /// <summary>
    /// A whole city pack of these boundaries, imported and written the way the import command does
    /// (figures borrowed from <paramref name="templateDirectory"/>), into <paramref name="packsFolder"/>/<paramref name="id"/>.
    /// </summary>
    public string WritePack(string packsFolder, string id, string name, string templateDirectory, string timeZone = "Asia/Ulaanbaatar")
    {
        var gu = WriteGeoJson($"{id}-gu.geojson", GuFeatures());
        var dong = WriteGeoJson($"{id}-dong.geojson", DongFeatures(withParent: true));
        var city = new CityTwin.Import.CityImporter().Import(new CityTwin.Import.CityImportRequest(id, name,
            CityTwin.Import.Sources.SourceFile.At(gu), CityTwin.Import.Sources.SourceFile.At(dong),
            Mapping: CityTwin.Import.Mapping.MappingReader.Read(MappingJson, "mapping.json"), MappingSource: "mapping.json", TimeZone: timeZone));
        var output = Path.Combine(packsFolder, id);
        CityTwin.Import.Pack.CityPackWriter.Write(city, templateDirectory, output, new DateOnly(2026, 12, 7));
        return output;
    }

    /// <summary>Raw GeoJSON text (for broken files the writers would refuse to produce).</summary>
    public string WriteText(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    /// <summary>A GeoPackage with one feature table in EPSG:<paramref name="epsg"/>, its WKT in gpkg_spatial_ref_sys.</summary>
    public string WriteGeoPackage(string name, string table, IEnumerable<IFeature> features, int epsg)
    {
        var path = PathOf(name);
        var list = features.Select(f => Project(f, epsg)).ToList();
        var fields = list[0].Attributes.GetNames();
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var wkt = epsg == 4326 ? GeographicCoordinateSystem.WGS84.WKT : CrsCatalog.FromEpsg(epsg)!.System.WKT;
        Execute(connection, "PRAGMA application_id = 1196444487");
        Execute(connection, "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
        Execute(connection, "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
        Execute(connection, "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL)");
        Execute(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ($n, $id, 'EPSG', $id, $wkt, NULL)", ("$n", $"EPSG:{epsg}"), ("$id", epsg), ("$wkt", wkt));
        Execute(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ($t, 'features', $t, $id)", ("$t", table), ("$id", epsg));
        Execute(connection, "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', 'GEOMETRY', $id, 0, 0)", ("$t", table), ("$id", epsg));
        Execute(connection, $"CREATE TABLE \"{table}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, {string.Join(", ", fields.Select(f => $"\"{f}\" {(list[0].Attributes[f] is string ? "TEXT" : "REAL")}"))})");
        var writer = new GeoPackageGeoWriter();
        foreach (var f in list)
        {
            f.Geometry.SRID = epsg;
            var parameters = new List<(string, object)> { ("$geom", writer.Write(f.Geometry)) };
            parameters.AddRange(fields.Select((n, i) => ($"$p{i}", f.Attributes[n] ?? DBNull.Value)));
            Execute(connection, $"INSERT INTO \"{table}\" (geom, {string.Join(", ", fields.Select(n => $"\"{n}\""))}) VALUES ($geom, {string.Join(", ", fields.Select((_, i) => $"$p{i}"))})", [.. parameters]);
        }
        return path;
    }

    /// <summary>A zip of a Shapefile (.shp, .shx, .dbf, .cpg and, unless left out, .prj) in EPSG:<paramref name="epsg"/>.</summary>
    public string WriteShapefileZip(string name, string stem, IEnumerable<IFeature> features, int epsg, bool withPrj = true)
    {
        var folder = PathOf(Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var projected = features.Select(f => Project(f, epsg)).ToList();
        var prj = epsg == 4326 ? GeographicCoordinateSystem.WGS84.WKT : CrsCatalog.FromEpsg(epsg)!.System.WKT;
        Shapefile.WriteAllFeatures(projected, Path.Combine(folder, stem + ".shp"), withPrj ? prj : null, System.Text.Encoding.UTF8);
        if (!withPrj) File.Delete(Path.Combine(folder, stem + ".prj"));
        var zip = PathOf(name);
        ZipFile.CreateFromDirectory(folder, zip);
        System.IO.Directory.Delete(folder, recursive: true);
        return zip;
    }

    /// <summary>A zip with entries of the given names and contents (for hostile archives).</summary>
    public string WriteZip(string name, params (string Entry, byte[] Content)[] entries)
    {
        using (var zip = ZipFile.Open(PathOf(name), ZipArchiveMode.Create))
        {
            foreach (var (entry, content) in entries)
            {
                using var stream = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return PathOf(name);
    }

    /// <summary>A lon/lat point in EPSG:<paramref name="epsg"/>.</summary>
    public static (double X, double Y) ProjectPoint(double lon, double lat, int epsg)
    {
        var transform = Transform(epsg);
        return transform is null ? (lon, lat) : transform.Transform(lon, lat);
    }

    private static MathTransform? Transform(int epsg) => epsg == 4326 ? null
        : new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, CrsCatalog.FromEpsg(epsg)!.System).MathTransform;

    private static IFeature Project(IFeature feature, int epsg)
    {
        var transform = Transform(epsg);
        var geometry = feature.Geometry.Copy();
        if (transform is not null)
        {
            geometry.Apply(new ProjectFilter(transform));
            geometry.GeometryChanged();
        }
        var attributes = new AttributesTable();
        foreach (var n in feature.Attributes.GetNames()) attributes.Add(n, feature.Attributes[n]);
        return new Feature(geometry, attributes);
    }

    private sealed class ProjectFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (n, v) in parameters) command.Parameters.AddWithValue(n, v);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
