using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Model.City;

/// <summary>
/// Reads one GeoJSON FeatureCollection of a city pack and gives typed, validated access to its
/// features; every problem is reported with the file name and the feature's id or position.
/// </summary>
public sealed class GeoJsonFile
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private GeoJsonFile(string name, FeatureCollection features)
    {
        Name = name;
        Features = features;
    }

    public string Name { get; }
    public FeatureCollection Features { get; }

    public static GeoJsonFile Read(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
            throw new CityPackException(fileName, null, $"file not found in {directory}");
        FeatureCollection? collection;
        try
        {
            using var stream = File.OpenRead(path);
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new CityPackException(fileName, null, $"not valid GeoJSON: {ex.Message}");
        }
        if (collection is null || collection.Count == 0)
            throw new CityPackException(fileName, null, "holds no features");
        return new GeoJsonFile(fileName, collection);
    }

    /// <summary>A label for a feature in error messages: its id, code or name, else its position.</summary>
    public static string Label(IFeature feature, int position)
    {
        foreach (var key in new[] { "id", "code", "name_en", "name" })
        {
            if (feature.Attributes?.Exists(key) == true && feature.Attributes[key] is { } v && v.ToString() is { Length: > 0 } s)
                return $"#{position} ({key}={s})";
        }
        return $"#{position}";
    }

    /// <summary>The feature's geometry, checked for the expected shape and validity.</summary>
    public Geometry RequireGeometry(IFeature feature, int position, params OgcGeometryType[] allowed)
    {
        var g = feature.Geometry;
        if (g is null || g.IsEmpty)
            throw new CityPackException(Name, Label(feature, position), "has no geometry");
        if (allowed.Length > 0 && !allowed.Contains(g.OgcGeometryType))
            throw new CityPackException(Name, Label(feature, position), $"is a {g.OgcGeometryType}, expected {string.Join(" or ", allowed)}");
        if (!g.IsValid)
            throw new CityPackException(Name, Label(feature, position), "has an invalid geometry (self-intersection or bad ring)");
        var env = g.EnvelopeInternal;
        if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)
            throw new CityPackException(Name, Label(feature, position), "has coordinates outside WGS84 lon/lat range");
        return g;
    }

    public string RequireString(IFeature feature, int position, string key)
    {
        var value = OptionalString(feature, key);
        if (string.IsNullOrWhiteSpace(value))
            throw new CityPackException(Name, Label(feature, position), $"has no '{key}'");
        return value;
    }

    public static string? OptionalString(IFeature feature, string key) =>
        feature.Attributes?.Exists(key) == true ? feature.Attributes[key]?.ToString() : null;

    public static double? OptionalNumber(IFeature feature, string key)
    {
        if (feature.Attributes?.Exists(key) != true) return null;
        return feature.Attributes[key] switch
        {
            null => null,
            decimal d => (double)d,
            double d => d,
            int i => i,
            long l => l,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
