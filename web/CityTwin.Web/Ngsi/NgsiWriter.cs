using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// Writes entities as NGSI-LD JSON: normalized (each attribute an object with its <c>type</c>,
/// <c>value</c>/<c>object</c>, <c>unitCode</c>, <c>observedAt</c>) or keyValues (attribute: value),
/// only the attributes asked for, and <c>@context</c> when the answer is JSON-LD.
/// </summary>
public static class NgsiWriter
{
    public static void WriteEntity(Utf8JsonWriter w, NgsiEntity e, IReadOnlyList<string>? attrs, bool keyValues, string[]? context)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        foreach (var a in e.Attributes)
        {
            if (attrs is not null && !attrs.Contains(a.Name)) continue;
            w.WritePropertyName(a.Name);
            if (keyValues) WriteValue(w, a.Value, keyValues: true);
            else WriteAttribute(w, a);
        }
        if (attrs is null || attrs.Contains(NgsiTypes.Location))
        {
            w.WritePropertyName(NgsiTypes.Location);
            if (keyValues) WriteGeometry(w, e.Location);
            else
            {
                w.WriteStartObject();
                w.WriteString("type", nameof(NgsiAttributeKind.GeoProperty));
                w.WritePropertyName("value");
                WriteGeometry(w, e.Location);
                w.WriteEndObject();
            }
        }
        if (context is not null) WriteContext(w, context);
        w.WriteEndObject();
    }

    public static void WriteContext(Utf8JsonWriter w, string[] context)
    {
        w.WriteStartArray("@context");
        foreach (var c in context) w.WriteStringValue(c);
        w.WriteEndArray();
    }

    private static void WriteAttribute(Utf8JsonWriter w, NgsiAttribute a)
    {
        w.WriteStartObject();
        w.WriteString("type", a.Kind.ToString());
        if (a.Kind == NgsiAttributeKind.Relationship) w.WriteString("object", (string)a.Value);
        else
        {
            w.WritePropertyName("value");
            WriteValue(w, a.Value, keyValues: false);
        }
        if (a.UnitCode is not null) w.WriteString("unitCode", a.UnitCode);
        if (a.ObservedAt is { } at) w.WriteString("observedAt", Instant(at));
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object value, bool keyValues)
    {
        switch (value)
        {
            case double d: w.WriteNumberValue(d); break;
            case int i: w.WriteNumberValue(i); break;
            case bool b: w.WriteBooleanValue(b); break;
            case string s: w.WriteStringValue(s); break;
            case DateTimeOffset t when keyValues: w.WriteStringValue(Instant(t)); break;
            case DateTimeOffset t:
                // NGSI-LD's typed literal for a date-time value.
                w.WriteStartObject();
                w.WriteString("@type", "DateTime");
                w.WriteString("@value", Instant(t));
                w.WriteEndObject();
                break;
            case string[] list:
                w.WriteStartArray();
                foreach (var s in list) w.WriteStringValue(s);
                w.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object> map:
                w.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    w.WritePropertyName(k);
                    WriteValue(w, v, keyValues);
                }
                w.WriteEndObject();
                break;
            case Geometry g: WriteGeometry(w, g); break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>GeoJSON geometry, coordinates rounded to 6 decimals (about 10 cm).</summary>
    public static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        w.WriteStartObject();
        w.WriteString("type", g.GeometryType);
        w.WritePropertyName("coordinates");
        switch (g)
        {
            case Point p: Position(w, p.Coordinate); break;
            case LineString l: Positions(w, l.Coordinates); break;
            case Polygon poly: Rings(w, poly); break;
            case MultiPolygon mp:
                w.WriteStartArray();
                foreach (var part in mp.Geometries) Rings(w, (Polygon)part);
                w.WriteEndArray();
                break;
            default: w.WriteStartArray(); w.WriteEndArray(); break;
        }
        w.WriteEndObject();
    }

    private static void Rings(Utf8JsonWriter w, Polygon p)
    {
        w.WriteStartArray();
        Positions(w, p.ExteriorRing.Coordinates);
        foreach (var hole in p.InteriorRings) Positions(w, hole.Coordinates);
        w.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] cs)
    {
        w.WriteStartArray();
        foreach (var c in cs) Position(w, c);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(c.X, 6));
        w.WriteNumberValue(Math.Round(c.Y, 6));
        w.WriteEndArray();
    }
}
