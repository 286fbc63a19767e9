using System.Text.Json;
using CityTwin.Model.City;
using CityTwin.Web.Layers;
using NetTopologySuite.Simplify;

namespace CityTwin.Web.Cities;

/// <summary>An installed pack's gu and dong boundaries as GeoJSON, read from its files (no assets are generated).</summary>
public static class PackBoundaries
{
    private const double ToleranceDeg = 0.0001;

    public static byte[] Read(string directory)
    {
        var pack = CityManifestReader.Read(directory);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            GeoJsonWriter.WriteStart(w);
            foreach (var (level, file) in new[] { ("gu", pack.Files.Gu), ("dong", pack.Files.Dong) })
            {
                var layer = GeoJsonFile.Read(directory, file);
                for (var i = 0; i < layer.Features.Count; i++)
                {
                    var f = layer.Features[i];
                    var code = layer.RequireString(f, i, "code");
                    var geometry = layer.RequireGeometry(f, i, NetTopologySuite.Geometries.OgcGeometryType.Polygon, NetTopologySuite.Geometries.OgcGeometryType.MultiPolygon);
                    GeoJsonWriter.WriteFeature(w, $"{level}:{code}", TopologyPreservingSimplifier.Simplify(geometry, ToleranceDeg), p =>
                    {
                        p.WriteString("level", level);
                        p.WriteString("code", code);
                        p.WriteString("name", GeoJsonFile.OptionalString(f, "name_en") ?? code);
                        if (GeoJsonFile.OptionalString(f, "gu_code") is { } gu) p.WriteString("gu", gu);
                    });
                }
            }
            GeoJsonWriter.WriteEnd(w);
        }
        return buffer.ToArray();
    }
}
