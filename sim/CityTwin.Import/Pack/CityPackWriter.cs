using System.Text.Json;
using System.Text.Json.Nodes;
using CityTwin.Import.Model;
using CityTwin.Model.City;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Import.Pack;

/// <summary>
/// Writes an imported city as a pack: the boundary layers, the outline, the optional buildings and
/// roads, and the manifest. The pack is written to a sibling folder, loaded there with the
/// twin's own loader (the proof that it runs), and only then moved into place; a pack that does
/// not load is never left behind.
/// </summary>
public static class CityPackWriter
{
    private static readonly JsonSerializerOptions GeoJson = CreateOptions();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The catalog loaded from the written pack.</returns>
    public static CityCatalog Write(ImportedCity city, string templateDirectory, string outputDirectory, DateOnly today, bool overwrite = false)
    {
        var output = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !overwrite)
            throw new CityImportException("out", null, $"{output} already holds files: choose another id or folder (or overwrite)");
        var (template, templateId) = Template(templateDirectory);

        var id = city.Request.Id;
        var files = new CityPackFiles(
            $"{id}-gu.geojson",
            $"{id}-dong.geojson",
            $"{id}-city.geojson",
            null,
            null,
            city.Buildings.Count > 0 ? $"{id}-buildings.geojson" : null,
            city.Roads.Count > 0 ? $"{id}-roads.geojson" : null);

        var parent = Path.GetDirectoryName(output) ?? throw new CityImportException("out", null, "has no parent folder");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(staging);
        try
        {
            Write(staging, files.Gu, city.Gu.Select(g => Feature(g.Boundary, new AttributesTable
            {
                { "code", g.Code }, { "name_en", g.Name }, { "name_ko", g.NameLocal }, { "pop_census_2020", Math.Round(g.Population ?? 0) },
            })));
            Write(staging, files.Dong, city.Dongs.Select(d => Feature(d.Boundary, new AttributesTable
            {
                { "code", d.Code }, { "gu_code", d.ParentCode! }, { "name_en", d.Name }, { "name_ko", d.NameLocal },
            })));
            Write(staging, files.Outline, [Feature(city.Outline, new AttributesTable { { "name_en", city.Request.Name } })]);
            if (files.Buildings is { } b)
                Write(staging, b, city.Buildings.Select(x => Feature(x.Footprint, new AttributesTable { { "name", x.Name ?? "" }, { "height_m", x.HeightM } })));
            if (files.Roads is { } r)
                Write(staging, r, city.Roads.Select(x => Feature(x.Line, new AttributesTable { { "name", x.Name ?? "" }, { "road_class", x.RoadClass }, { "lanes", x.Lanes } })));
            var manifest = ManifestBuilder.Build(city, files, template, templateId, today);
            File.WriteAllText(Path.Combine(staging, CityManifestReader.FileName), manifest.ToJsonString(Indented));

            CityCatalog catalog;
            try
            {
                catalog = CityPackLoader.Load(staging);
            }
            catch (CityPackException ex)
            {
                throw new CityImportException("pack", null, $"the written pack does not load: {ex.Message}");
            }

            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            Directory.Move(staging, output);
            return catalog;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static (JsonObject Manifest, string Id) Template(string directory)
    {
        CityPack pack;
        try
        {
            pack = CityManifestReader.Read(directory);
        }
        catch (CityPackException ex)
        {
            throw new CityImportException("template", null, $"the template pack is not valid: {ex.Message}");
        }
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, CityManifestReader.FileName)), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return ((JsonObject)json!, pack.Id);
    }

    private static IFeature Feature(NetTopologySuite.Geometries.Geometry geometry, AttributesTable attributes) => new Feature(geometry, attributes);

    private static void Write(string directory, string name, IEnumerable<IFeature> features)
    {
        var collection = new FeatureCollection();
        foreach (var f in features) collection.Add(f);
        using var stream = File.Create(Path.Combine(directory, name));
        JsonSerializer.Serialize(stream, collection, GeoJson);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
