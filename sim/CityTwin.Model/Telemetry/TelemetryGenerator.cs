using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;
using CityTwin.Model.Physics;
using CityTwin.Model.Specs;

namespace CityTwin.Model.Telemetry;

/// <summary>
/// Produces the city's telemetry from the physics models: one <see cref="TelemetryBatch"/> per
/// dong per tick. Everything per asset is precomputed here, so a tick does a few hashes and a
/// little arithmetic per asset and allocates only the value arrays. Output is a pure function of
/// (catalog, seed, conditions): dongs may be generated in any order, on any thread, in any process.
/// </summary>
public sealed class TelemetryGenerator
{
    /// <summary>Road vehicle-km per hour per km² that counts as traffic intensity 1 (a busy urban dong at an average weekday hour).</summary>
    public const double ReferenceVktPerKm2 = 5000;

    /// <summary>Residents per km² that count as traffic intensity 1 where a dong has no modelled road network.</summary>
    public const double ReferenceDensityPerKm2 = 15_000;

    private static readonly double[] Offline = [];

    private readonly CityCatalog _catalog;
    private readonly int _seed;
    private readonly double _outageShare;
    private readonly ConditionsModel _conditions;
    private readonly AssetKind[] _kind;
    private readonly int[] _slot;
    private readonly int[] _channels;
    private readonly Dictionary<string, int[]> _dongAssets;
    private readonly string[] _dongOrder;
    private readonly Dictionary<string, double> _intensity;
    private readonly BuildingEnergyModel _buildings;
    private readonly RoadModel _roads;
    private readonly StreetlightModel _lights;
    private readonly AirQualityModel _air;
    private readonly SubstationModel _substations;
    private readonly FloodModel _floods;
    private readonly EvChargerModel _ev;
    private readonly WaterPumpModel _pumps;

    public TelemetryGenerator(CityCatalog catalog, int seed)
        : this(catalog, seed, OutageModel.DefaultShare)
    {
    }

    /// <param name="catalog">The static city.</param>
    /// <param name="seed">Seed of every random draw (weather, factors, faults, outages).</param>
    /// <param name="outageShare">Share of asset-hours offline; 0 turns outages off (scenarios, tests).</param>
    public TelemetryGenerator(CityCatalog catalog, int seed, double outageShare)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _seed = seed;
        _outageShare = Math.Clamp(outageShare, 0, 1);
        _conditions = new ConditionsModel(catalog.Pack, seed);
        _buildings = new BuildingEnergyModel(seed);
        _roads = new RoadModel(seed);
        _lights = new StreetlightModel(seed);
        _air = new AirQualityModel(seed);
        _substations = new SubstationModel(seed);
        _floods = new FloodModel();
        _ev = new EvChargerModel(seed);
        _pumps = new WaterPumpModel(seed);

        var assets = catalog.Assets;
        _kind = new AssetKind[assets.Count];
        _slot = new int[assets.Count];
        _channels = new int[assets.Count];

        // Roads first: dong traffic intensity (for air quality) comes from their flows.
        var vkt = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < assets.Count; i++)
        {
            var a = assets[i];
            if (a.Index != i) throw new ArgumentException($"asset {a.Id} has Index {a.Index} but sits at position {i}", nameof(catalog));
            _kind[i] = a.Kind;
            _channels[i] = AssetKinds.Of(a.Kind).Channels.Count;
            if (a.Kind is not (AssetKind.RoadSegment or AssetKind.TrafficDetector)) continue;
            var spec = Expect<RoadSpec>(a);
            _slot[i] = _roads.Add(i, spec);
            // Only the mapped network measures vehicle-km; detectors are point samples of arterials.
            if (a.Kind == AssetKind.RoadSegment && spec.Class != RoadClass.Footway)
                vkt[a.DongCode] = vkt.GetValueOrDefault(a.DongCode) + _roads.BaseFlow(_slot[i]) * spec.LengthM / 1000;
        }

        _intensity = new Dictionary<string, double>(StringComparer.Ordinal);
        var dongCodes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dong in catalog.Dongs)
            if (seen.Add(dong.Code)) dongCodes.Add(dong.Code);
        var extra = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in assets)
            if (!seen.Contains(a.DongCode)) extra.Add(a.DongCode);
        dongCodes.AddRange(extra);
        _dongOrder = [.. dongCodes];
        foreach (var code in _dongOrder)
            _intensity[code] = TrafficIntensity(catalog.FindDong(code), vkt.GetValueOrDefault(code));

        for (var i = 0; i < assets.Count; i++)
        {
            var a = assets[i];
            switch (a.Kind)
            {
                case AssetKind.Building: _slot[i] = _buildings.Add(i, Expect<BuildingSpec>(a)); break;
                case AssetKind.StreetlightCircuit: _slot[i] = _lights.Add(i, Expect<StreetlightSpec>(a)); break;
                case AssetKind.AirQualityStation: _slot[i] = _air.Add(i, Expect<AirStationSpec>(a), _intensity[a.DongCode]); break;
                case AssetKind.Substation: _slot[i] = _substations.Add(i, Expect<SubstationSpec>(a)); break;
                case AssetKind.FloodSensor: _slot[i] = _floods.Add(i, Expect<FloodSensorSpec>(a)); break;
                case AssetKind.EvCharger: _slot[i] = _ev.Add(i, Expect<EvChargerSpec>(a)); break;
                case AssetKind.WaterPump: _slot[i] = _pumps.Add(i, Expect<WaterPumpSpec>(a)); break;
                case AssetKind.RoadSegment or AssetKind.TrafficDetector: break;
                default: throw new ArgumentException($"asset {a.Id}: no model for kind {a.Kind}", nameof(catalog));
            }
        }

        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var code in _dongOrder) lists[code] = [];
        foreach (var a in assets) lists[a.DongCode].Add(a.Index);
        _dongAssets = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (code, list) in lists) _dongAssets[code] = [.. list];
    }

    public int Seed => _seed;

    public CityCatalog Catalog => _catalog;

    /// <summary>The seeded weather (scenarios derive storms and heatwaves from it).</summary>
    public WeatherModel Weather => _conditions.Weather;

    /// <summary>Dong codes in the order <see cref="Generate"/> visits them.</summary>
    public IReadOnlyList<string> DongCodes => _dongOrder;

    /// <summary>Traffic intensity of a dong (1 = a busy urban dong), the air model's local-traffic multiplier.</summary>
    public double TrafficIntensityOf(string dongCode) => _intensity.GetValueOrDefault(dongCode);

    public CityConditions ConditionsAt(DateTimeOffset simTime) => _conditions.At(simTime);

    /// <summary>Conditions with the weather held at <paramref name="weatherOverride"/> (also over the past 3 h of rain).</summary>
    public CityConditions ConditionsAt(DateTimeOffset simTime, WeatherState weatherOverride) => _conditions.At(simTime, weatherOverride);

    /// <summary>Conditions under a weather function of time, e.g. <c>t =&gt; Weather.At(t) with { RainMmH = 60 }</c>.</summary>
    public CityConditions ConditionsAt(DateTimeOffset simTime, Func<DateTimeOffset, WeatherState> weather) => _conditions.At(simTime, weather);

    /// <summary>Readings for every asset of a dong, in catalog order; an empty value array means offline.</summary>
    public TelemetryBatch GenerateDong(string dongCode, CityConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (!_dongAssets.TryGetValue(dongCode, out var indices)) return new TelemetryBatch(conditions.SimTime, []);
        var assets = _catalog.Assets;
        var hour = conditions.HourIndex;
        var readings = new AssetReading[indices.Length];
        for (var k = 0; k < indices.Length; k++)
        {
            var i = indices[k];
            double[] values;
            if (OutageModel.IsOffline(_seed, i, hour, _outageShare))
            {
                values = Offline;
            }
            else
            {
                values = new double[_channels[i]];
                Evaluate(i, conditions, values);
            }
            readings[k] = new AssetReading(assets[i].Id, values);
        }
        return new TelemetryBatch(conditions.SimTime, readings);
    }

    /// <summary>The whole city, dong by dong, on the calling thread.</summary>
    public void Generate(CityConditions conditions, Action<string, TelemetryBatch> perDong)
    {
        ArgumentNullException.ThrowIfNull(perDong);
        foreach (var code in _dongOrder) perDong(code, GenerateDong(code, conditions));
    }

    private void Evaluate(int i, CityConditions c, Span<double> values)
    {
        var slot = _slot[i];
        switch (_kind[i])
        {
            case AssetKind.Building: _buildings.Evaluate(slot, c, values); break;
            case AssetKind.RoadSegment or AssetKind.TrafficDetector: _roads.Evaluate(slot, c, values); break;
            case AssetKind.StreetlightCircuit: _lights.Evaluate(slot, c, values); break;
            case AssetKind.AirQualityStation: _air.Evaluate(slot, c, values); break;
            case AssetKind.Substation: _substations.Evaluate(slot, c, values); break;
            case AssetKind.FloodSensor: _floods.Evaluate(slot, c, values); break;
            case AssetKind.EvCharger: _ev.Evaluate(slot, c, values); break;
            case AssetKind.WaterPump: _pumps.Evaluate(slot, c, values); break;
        }
    }

    /// <summary>
    /// Vehicle-km per hour per km² of the mapped road network at demand 1, relative to
    /// <see cref="ReferenceVktPerKm2"/>; where the network is missing or partial (outside Songdo),
    /// the population-density estimate √(density / 15,000 per km²) is the floor, because traffic
    /// follows the people who make the trips. Bounded to 0.05–2.5.
    /// </summary>
    private static double TrafficIntensity(DongInfo? dong, double vktPerHour)
    {
        if (dong is null) return 0.5;
        var byDensity = Math.Sqrt(Math.Max(0, dong.DensityPerKm2) / ReferenceDensityPerKm2);
        var byRoads = dong.AreaKm2 > 0 ? vktPerHour / dong.AreaKm2 / ReferenceVktPerKm2 : 0;
        return Math.Clamp(Math.Max(byRoads, byDensity), 0.05, 2.5);
    }

    private static T Expect<T>(AssetDescriptor a) where T : AssetSpec =>
        a.Spec as T ?? throw new ArgumentException($"asset {a.Id} of kind {a.Kind} has a {a.Spec.GetType().Name}, expected {typeof(T).Name}");
}
