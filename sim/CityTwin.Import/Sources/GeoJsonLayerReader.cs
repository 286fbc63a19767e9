using System.Text.Json;
using CityTwin.Import.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Import.Sources;

/// <summary>
/// Reads a GeoJSON FeatureCollection feature by feature, so that one unreadable geometry is reported
/// with its position and name instead of failing the whole file. Honours the (pre-RFC 7946)
/// <c>crs</c> member that QGIS and ogr2ogr still write for projected data; without it the
/// coordinates are lon/lat, as RFC 7946 says.
/// </summary>
internal static class GeoJsonLayerReader
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static SourceLayer Read(SourceFile file, int maxFeatures)
    {
        using var stream = File.OpenRead(file.Path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 128 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            throw new CityImportException(file.Name, null, "is not a GeoJSON FeatureCollection (no 'features' array)");
        if (features.GetArrayLength() > maxFeatures)
            throw new CityImportException(file.Name, null, $"holds {features.GetArrayLength()} features, more than the {maxFeatures} an import takes");

        var list = new List<SourceFeature>();
        var fields = new List<string>();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            list.Add(ReadFeature(feature, index++, fields));
        }
        return new SourceLayer(file.Name, list, fields, DeclaredCrs(file, root), LonLatByDefault: true);
    }

    private static SourceFeature ReadFeature(JsonElement feature, int index, List<string> fields)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (feature.ValueKind != JsonValueKind.Object)
            return new SourceFeature(index, null, properties, "is not a JSON object");
        if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in props.EnumerateObject())
            {
                properties[p.Name] = Value(p.Value);
                if (!fields.Contains(p.Name)) fields.Add(p.Name);
            }
        }
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
            return new SourceFeature(index, null, properties, "has no geometry");
        try
        {
            var g = geometry.Deserialize<Geometry>(Options);
            return g is null ? new SourceFeature(index, null, properties, "has no geometry") : new SourceFeature(index, g, properties);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException or NullReferenceException)
        {
            return new SourceFeature(index, null, properties, $"geometry could not be read: {ex.Message}");
        }
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static CrsDefinition? DeclaredCrs(SourceFile file, JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object) return null;
        if (crs.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            && props.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            return CrsCatalog.Parse(name.GetString()!, file.Name + " (crs member)");
        throw new CityImportException(file.Name, null, "its 'crs' member names no CRS (expected {\"type\":\"name\",\"properties\":{\"name\":\"EPSG:…\"}})");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
