using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityTwin.Web.Layers;

/// <summary>
/// Writes GeoJSON features with a top-level <c>id</c> and the same id among the properties, so
/// MapLibre can address features by <c>promoteId</c> and other clients by the standard member.
/// </summary>
public static class GeoJsonWriter
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    public static void WriteStart(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
    }

    public static void WriteEnd(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteFeature(Utf8JsonWriter w, string id, Geometry geometry, Action<Utf8JsonWriter> properties)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", id);
        w.WritePropertyName("geometry");
        JsonSerializer.Serialize(w, geometry, GeometryOptions);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        properties(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }
}
