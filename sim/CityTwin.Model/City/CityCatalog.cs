using CityTwin.Abstractions.Assets;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.City;

/// <summary>
/// Everything static about one city: boundaries, sites and the generated assets. Built once at
/// start-up by <see cref="CityPackLoader"/>; immutable afterwards, so it is shared freely between
/// grains, the simulator and the web app.
/// </summary>
public sealed class CityCatalog
{
    private readonly Dictionary<string, AssetDescriptor> _byId;
    private readonly Dictionary<string, AssetDescriptor[]> _byDong;
    private readonly Dictionary<string, DistrictInfo> _districts;
    private readonly Dictionary<string, DongInfo> _dongs;
    private readonly Geometry?[] _shapes;

    public CityCatalog(
        CityPack pack,
        Geometry outline,
        int seed,
        IReadOnlyList<DistrictInfo> districts,
        IReadOnlyList<DongInfo> dongs,
        IReadOnlyList<SiteInfo> sites,
        IReadOnlyList<AssetDescriptor> assets,
        IReadOnlyList<Geometry?> shapes)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        Outline = outline;
        Seed = seed;
        Districts = districts;
        Dongs = dongs;
        Sites = sites;
        Assets = assets;
        _shapes = [.. shapes];
        _byId = assets.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _byDong = assets.GroupBy(a => a.DongCode).ToDictionary(g => g.Key, g => g.ToArray());
        _districts = districts.ToDictionary(d => d.Code);
        _dongs = dongs.ToDictionary(d => d.Code);
        Bounds = outline.EnvelopeInternal;
        HomeBounds = ComputeHomeBounds(dongs, pack.HomeMinDensityPerKm2, Bounds);
    }

    /// <summary>The pack's manifest: names, time zone, location, climate and facts.</summary>
    public CityPack Pack { get; }

    public string Id => Pack.Id;
    public string NameEn => Pack.Name("en");
    public string NameKo => Pack.Name("ko");
    public Geometry Outline { get; }
    public Envelope Bounds { get; }

    /// <summary>
    /// Where people live: the extent of the built-up dongs (the pack's homeView density). A city with
    /// far-flung islands would otherwise open the map on water with the city a speck on its edge.
    /// </summary>
    public Envelope HomeBounds { get; }
    public int Seed { get; }
    public IReadOnlyList<DistrictInfo> Districts { get; }
    public IReadOnlyList<DongInfo> Dongs { get; }
    public IReadOnlyList<SiteInfo> Sites { get; }
    public IReadOnlyList<AssetDescriptor> Assets { get; }

    public AssetDescriptor? FindAsset(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<AssetDescriptor> AssetsInDong(string dongCode) =>
        _byDong.TryGetValue(dongCode, out var list) ? list : [];

    public DistrictInfo? FindDistrict(string code) => _districts.GetValueOrDefault(code);

    public DongInfo? FindDong(string code) => _dongs.GetValueOrDefault(code);

    public IEnumerable<DongInfo> DongsOf(string guCode) => Dongs.Where(d => d.GuCode == guCode);

    /// <summary>The real geometry behind an asset (footprint or centreline), or null for point assets.</summary>
    public Geometry? ShapeOf(int assetIndex) => _shapes[assetIndex];

    private static Envelope ComputeHomeBounds(IReadOnlyList<DongInfo> dongs, double minDensityPerKm2, Envelope fallback)
    {
        var home = new Envelope();
        foreach (var d in dongs)
            if (d.DensityPerKm2 >= minDensityPerKm2) home.ExpandToInclude(d.Boundary.EnvelopeInternal);
        return home.IsNull ? fallback : home;
    }

    public int CountOf(AssetKind kind) => Assets.Count(a => a.Kind == kind);
}
