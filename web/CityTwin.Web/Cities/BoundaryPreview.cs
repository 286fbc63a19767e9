using System.Text.Json;
using CityTwin.Import.Model;
using CityTwin.Web.Layers;
using NetTopologySuite.Simplify;

namespace CityTwin.Web.Cities;

/// <summary>The imported boundaries as GeoJSON for the map, simplified to about 10 m (enough to check them by eye).</summary>
public static class BoundaryPreview
{
    private const double ToleranceDeg = 0.0001;

    public static JsonElement Of(ImportedCity city)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            GeoJsonWriter.WriteStart(w);
            foreach (var (level, areas) in new[] { ("gu", city.Gu), ("dong", city.Dongs) })
                foreach (var a in areas)
                    GeoJsonWriter.WriteFeature(w, $"{level}:{a.Code}", TopologyPreservingSimplifier.Simplify(a.Boundary, ToleranceDeg), p =>
                    {
                        p.WriteString("level", level);
                        p.WriteString("code", a.Code);
                        p.WriteString("name", a.Name);
                        if (a.ParentCode is not null) p.WriteString("gu", a.ParentCode);
                    });
            GeoJsonWriter.WriteEnd(w);
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
