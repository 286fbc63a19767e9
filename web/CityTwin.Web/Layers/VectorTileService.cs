using System.Diagnostics;
using CityTwin.Model.City;
using Microsoft.Extensions.Caching.Memory;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace CityTwin.Web.Layers;

/// <summary>
/// The asset layers (buildings, roads, point assets) as Mapbox vector tiles. A whole-layer GeoJSON
/// is fine for tens of thousands of assets but not for a million: tiles let the browser fetch only
/// what the viewport shows, and the server answers each tile from a spatial index.
/// </summary>
public sealed class VectorTileService : IDisposable
{
    /// <summary>
    /// Below this zoom the tiles are empty: the map shows these layers from zoom 13 (areas carry the
    /// colour further out), and a tile covering the whole city would be the GeoJSON problem again.
    /// </summary>
    public const int MinZoom = 12;

    /// <summary>MVT coordinate resolution per tile side (the spec's customary value).</summary>
    public const uint Extent = 4096;

    /// <summary>
    /// Features this far (in tile units) beyond the edge are included too, so a circle or a wide
    /// line drawn just across a tile border is not cut at the seam (MapLibre's own default buffer).
    /// </summary>
    private const double Buffer = 64;

    /// <summary>Bytes of encoded tiles kept in memory; a dense city-centre tile is tens of kB.</summary>
    private const long CacheBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, Lazy<STRtree<IFeature>>> _indexes;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });
    private readonly GeometryFactory _factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);
    private readonly ILogger<VectorTileService> _logger;

    public VectorTileService(CityCatalog catalog, ILogger<VectorTileService> logger)
    {
        _logger = logger;
        // Each index is built on the first request for its layer, once (Lazy is thread-safe), and
        // only read afterwards: STRtree queries are safe to run concurrently once it is built.
        _indexes = AssetFeatures.LayerNames.ToDictionary(n => n, n => new Lazy<STRtree<IFeature>>(() => BuildIndex(catalog, n)));
    }

    public static bool IsLayer(string name) => AssetFeatures.LayerNames.Contains(name);

    /// <summary>The encoded tile, or an empty array when no feature touches it.</summary>
    public byte[] Get(TileKey key) =>
        _cache.GetOrCreate(key, entry =>
        {
            var bytes = Encode(key);
            // Empty tiles are cached too (size 1): the open sea is asked for as often as the city.
            entry.Size = Math.Max(1, bytes.Length);
            return bytes;
        })!;

    private byte[] Encode(TileKey key)
    {
        if (key.Z < MinZoom) return [];
        var tile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(key.X, key.Y, key.Z);
        var bx = (tile.Right - tile.Left) * Buffer / Extent;
        var by = (tile.Top - tile.Bottom) * Buffer / Extent;
        var envelope = new Envelope(tile.Left - bx, tile.Right + bx, tile.Bottom - by, tile.Top + by);
        var hits = _indexes[key.Layer].Value.Query(envelope);
        if (hits.Count == 0) return [];

        // The index compares bounding boxes; a diagonal road's box can touch a tile its line misses.
        var area = _factory.ToGeometry(envelope);
        var layer = new Layer { Name = key.Layer };
        foreach (var f in hits)
            if (f.Geometry is Point || area.Intersects(f.Geometry))
                layer.Features.Add(f);
        if (layer.Features.Count == 0) return [];

        var vt = new VectorTile { TileId = tile.Id };
        vt.Layers.Add(layer);
        using var stream = new MemoryStream();
        var watch = Stopwatch.StartNew();
        // The writer projects lon/lat to tile coordinates and drops lines and polygons smaller than
        // a pixel or two at this zoom (level of detail for free). Ids are strings, so it finds no
        // integer id and leaves the MVT id unset: the map promotes the "id" property instead.
        vt.Write(stream, minLinealExtent: 1, minPolygonalExtent: 2, extent: Extent, idAttributeName: "id");
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("Tile {Layer}/{Z}/{X}/{Y}: {Features} features, {Bytes} bytes in {Ms:0.0} ms",
                key.Layer, key.Z, key.X, key.Y, layer.Features.Count, stream.Length, watch.Elapsed.TotalMilliseconds);
        // Polygons under a pixel are dropped by the writer: a tile can end up with no feature.
        return stream.Length > 0 && layer.Features.Count > 0 ? stream.ToArray() : [];
    }

    private STRtree<IFeature> BuildIndex(CityCatalog catalog, string layer)
    {
        var watch = Stopwatch.StartNew();
        var tree = new STRtree<IFeature>();
        foreach (var a in catalog.Assets)
        {
            if (AssetFeatures.LayerOf(a.Kind) != layer) continue;
            var geometry = catalog.ShapeOf(a.Index) ?? _factory.CreatePoint(new Coordinate(a.Lon, a.Lat));
            tree.Insert(geometry.EnvelopeInternal, new Feature(geometry, AssetFeatures.Attributes(a)));
        }
        tree.Build();
        _logger.LogInformation("Tile index {Layer}: {Count} features in {Ms} ms", layer, tree.Count, watch.ElapsedMilliseconds);
        return tree;
    }

    public void Dispose() => _cache.Dispose();
}
