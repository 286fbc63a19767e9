using System.Collections.Concurrent;
using System.Text.Json;
using CityTwin.Model.City;
using NetTopologySuite.Geometries;

namespace CityTwin.Web.Layers;

/// <summary>
/// The static map layers of the city, built once from the catalog and served as GeoJSON bytes:
/// boundaries, field-visit sites, building footprints, road centrelines and the point assets.
/// </summary>
public sealed class LayerCatalog(CityCatalog catalog)
{
    public static readonly IReadOnlyList<string> Names = ["city", "districts", "dongs", "sites", "buildings", "roads", "assets"];

    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _cache = new();
    private readonly GeometryFactory _factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    public byte[]? Get(string name) =>
        Names.Contains(name) ? _cache.GetOrAdd(name, n => new Lazy<byte[]>(() => Build(n))).Value : null;

    private byte[] Build(string name)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            GeoJsonWriter.WriteStart(w);
            switch (name)
            {
                case "city":
                    GeoJsonWriter.WriteFeature(w, catalog.Id, catalog.Outline, p =>
                    {
                        p.WriteString("code", catalog.Id);
                        p.WriteString("nameEn", catalog.NameEn);
                        p.WriteString("nameKo", catalog.NameKo);
                    });
                    break;
                case "districts":
                    foreach (var d in catalog.Districts)
                        GeoJsonWriter.WriteFeature(w, d.Code, d.Boundary, p =>
                        {
                            p.WriteString("code", d.Code);
                            p.WriteString("nameEn", d.NameEn);
                            p.WriteString("nameKo", d.NameKo);
                        });
                    break;
                case "dongs":
                    foreach (var d in catalog.Dongs)
                        GeoJsonWriter.WriteFeature(w, d.Code, d.Boundary, p =>
                        {
                            p.WriteString("code", d.Code);
                            p.WriteString("guCode", d.GuCode);
                            p.WriteString("nameEn", d.NameEn);
                            p.WriteString("nameKo", d.NameKo);
                        });
                    break;
                case "sites":
                    foreach (var s in catalog.Sites)
                        GeoJsonWriter.WriteFeature(w, s.Id, s.Location, p =>
                        {
                            p.WriteString("id", s.Id);
                            p.WriteString("nameEn", s.NameEn);
                            p.WriteString("nameKo", s.NameKo);
                            p.WriteString("kind", s.Kind);
                            p.WriteString("address", s.Address);
                            p.WriteString("visitorSees", s.VisitorSees);
                        });
                    break;
                default:
                    WriteAssets(w, name);
                    break;
            }
            GeoJsonWriter.WriteEnd(w);
        }
        return stream.ToArray();
    }

    private void WriteAssets(Utf8JsonWriter w, string name)
    {
        foreach (var a in catalog.Assets)
        {
            if (AssetFeatures.LayerOf(a.Kind) != name) continue;
            var geometry = catalog.ShapeOf(a.Index) ?? _factory.CreatePoint(new Coordinate(a.Lon, a.Lat));
            // The same properties as the vector tiles, from one definition.
            var attributes = AssetFeatures.Attributes(a);
            GeoJsonWriter.WriteFeature(w, a.Id, geometry, p =>
            {
                foreach (var key in attributes.GetNames())
                {
                    switch (attributes[key])
                    {
                        case string text: p.WriteString(key, text); break;
                        case bool flag: p.WriteBoolean(key, flag); break;
                        case int whole: p.WriteNumber(key, whole); break;
                        case double number: p.WriteNumber(key, number); break;
                    }
                }
            });
        }
    }
}
