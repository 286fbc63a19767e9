using System.Globalization;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Model.Specs;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.Generation;

/// <summary>
/// Builds the asset list: real buildings and roads first (in file order), then synthetic
/// infrastructure dong by dong. Every random draw comes from a stream seeded by (seed, layer)
/// or (seed, dong, kind), so adding a kind never reshuffles the others.
/// </summary>
public sealed class AssetGenerator
{
    private readonly IReadOnlyList<DongInfo> _dongs;
    private readonly DongLocator _locator;
    private readonly int _seed;
    private readonly SyntheticPlan _plan;
    private readonly List<AssetDescriptor> _assets = [];
    private readonly List<Geometry?> _shapes = [];

    public AssetGenerator(IReadOnlyList<DongInfo> dongs, int seed, SyntheticPlan plan)
    {
        _dongs = dongs;
        _locator = new DongLocator(dongs);
        _seed = seed;
        _plan = plan;
    }

    public IReadOnlyList<AssetDescriptor> Assets => _assets;
    public IReadOnlyList<Geometry?> Shapes => _shapes;

    public void AddBuildings(GeoJsonFile file)
    {
        var random = new Random(StableSeed.Derive(_seed, "buildings"));
        for (var i = 0; i < file.Features.Count; i++)
        {
            var f = file.Features[i];
            var footprint = file.RequireGeometry(f, i, OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon);
            var height = GeoJsonFile.OptionalNumber(f, "height_m") ?? 0;
            if (height is < 0 or > 700 || double.IsNaN(height))
                throw new CityPackException(file.Name, GeoJsonFile.Label(f, i), $"height_m {height} is not a plausible building height");
            var name = GeoJsonFile.OptionalString(f, "name");
            var anchor = GeoMath.Anchor(footprint);
            var dong = Locate(file, f, i, anchor);
            // OSM leaves many heights unset (0): such a building counts as one storey.
            var spec = BuildingFactory.Create(GeoMath.AreaM2(footprint), height > 0 ? height : 3.3, name, random);
            Add($"building-{i + 1:D5}", AssetKind.Building, anchor, dong, false, name, spec, footprint);
        }
    }

    public void AddRoads(GeoJsonFile file)
    {
        for (var i = 0; i < file.Features.Count; i++)
        {
            var f = file.Features[i];
            var line = (LineString)file.RequireGeometry(f, i, OgcGeometryType.LineString);
            var label = GeoJsonFile.Label(f, i);
            var roadClass = RoadFactory.ParseClass(GeoJsonFile.OptionalString(f, "road_class"), file.Name, label);
            var lanes = (int)(GeoJsonFile.OptionalNumber(f, "lanes") ?? 2);
            var anchor = GeoMath.Anchor(line);
            var dong = Locate(file, f, i, anchor);
            var spec = RoadFactory.Create(roadClass, lanes, GeoMath.LengthM(line));
            Add($"road-{i + 1:D5}", AssetKind.RoadSegment, anchor, dong, false, GeoJsonFile.OptionalString(f, "name"), spec, line);
        }
    }

    public void AddSynthetic()
    {
        var totalPopulation = Math.Max(1, _dongs.Sum(d => (double)d.Population));
        var totalArea = Math.Max(1e-9, _dongs.Sum(d => d.AreaKm2));
        // Infrastructure follows people (70 %) and, for networks like lights and drains, area (30 %).
        var weights = _dongs.Select(d => 0.7 * d.Population / totalPopulation + 0.3 * d.AreaKm2 / totalArea).ToList();
        var counts = _plan.Totals.ToDictionary(
            kv => kv.Key,
            kv => Apportion.ByWeight(kv.Value, weights, _plan.MinimumPerDong.GetValueOrDefault(kv.Key)));

        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);
        for (var d = 0; d < _dongs.Count; d++)
        {
            var dong = _dongs[d];
            var sampler = new PointSampler(dong.Boundary);
            foreach (var kind in _plan.Totals.Keys.OrderBy(k => k))
            {
                var n = counts[kind][d];
                var random = new Random(StableSeed.Derive(_seed, $"{dong.Code}/{kind}"));
                var wire = AssetKinds.Of(kind).WireName;
                for (var k = 0; k < n; k++)
                {
                    var c = sampler.Sample(random);
                    var spec = SyntheticAssetFactory.Create(kind, dong, n, random);
                    var point = factory.CreatePoint(new Coordinate(Math.Round(c.X, 6), Math.Round(c.Y, 6)));
                    Add($"{wire}-{dong.Code}-{(k + 1).ToString("D3", CultureInfo.InvariantCulture)}", kind, point, dong, true, null, spec, null);
                }
            }
        }
    }

    private DongInfo Locate(GeoJsonFile file, NetTopologySuite.Features.IFeature f, int i, Point anchor) =>
        _locator.Locate(anchor)
        ?? throw new CityPackException(file.Name, GeoJsonFile.Label(f, i), $"lies outside every dong (at {anchor.X:0.00000}, {anchor.Y:0.00000})");

    private void Add(string id, AssetKind kind, Point anchor, DongInfo dong, bool synthetic, string? name, AssetSpec spec, Geometry? shape)
    {
        _assets.Add(new AssetDescriptor(_assets.Count, id, kind, Math.Round(anchor.X, 6), Math.Round(anchor.Y, 6),
            dong.GuCode, dong.Code, synthetic, string.IsNullOrWhiteSpace(name) ? null : name, spec));
        _shapes.Add(shape);
    }
}
