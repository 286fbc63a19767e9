namespace CityTwin.Abstractions.Assets;

/// <summary>
/// The catalogue of asset kinds. Channel order is the contract between the simulator (which
/// writes values) and the grains (which evaluate rules and aggregate KPIs). Thresholds come from
/// Korean standards where one exists (see docs/models.md).
/// </summary>
public static class AssetKinds
{
    public static readonly AssetKindInfo Building = new(
        AssetKind.Building, "building", "Building",
        ["load_kw", "pv_kw", "demand_pct"], ["kW", "kW", "%"],
        // demand_pct is net load as a share of the building's design peak: the rule must not
        // depend on the size of the building.
        [new StatusRule(2, 90, 110)]);

    public static readonly AssetKindInfo RoadSegment = new(
        AssetKind.RoadSegment, "road", "Road segment",
        ["flow_vph", "speed_kmh", "vc"], ["veh/h", "km/h", "v/c"],
        [new StatusRule(2, 0.85, 1.0)]);

    public static readonly AssetKindInfo TrafficDetector = new(
        AssetKind.TrafficDetector, "traffic", "Traffic detector",
        ["flow_vph", "speed_kmh", "vc"], ["veh/h", "km/h", "v/c"],
        [new StatusRule(2, 0.85, 1.0)]);

    public static readonly AssetKindInfo StreetlightCircuit = new(
        AssetKind.StreetlightCircuit, "streetlight", "Streetlight circuit",
        ["power_kw", "lit_pct", "lamps_out"], ["kW", "%", "lamps"],
        [new StatusRule(2, 2, 5)]);

    // Korean "bad" band for PM2.5 starts above 35 µg/m³ (the 24-h standard), "very bad" above 75.
    public static readonly AssetKindInfo AirQualityStation = new(
        AssetKind.AirQualityStation, "air", "Air-quality station",
        ["pm25", "pm10", "no2_ppb"], ["µg/m³", "µg/m³", "ppb"],
        [new StatusRule(0, 35.5, 75.5), new StatusRule(2, 60, 100)]);

    public static readonly AssetKindInfo Substation = new(
        AssetKind.Substation, "substation", "Substation",
        ["load_mw", "loading_pct"], ["MW", "%"],
        [new StatusRule(1, 80, 100)]);

    public static readonly AssetKindInfo FloodSensor = new(
        AssetKind.FloodSensor, "flood", "Flood sensor",
        ["level_cm", "rain_mmh"], ["cm", "mm/h"],
        [new StatusRule(0, 15, 30)]);

    public static readonly AssetKindInfo EvCharger = new(
        AssetKind.EvCharger, "ev", "EV charger",
        ["power_kw", "ports_busy"], ["kW", "ports"],
        []);

    public static readonly AssetKindInfo WaterPump = new(
        AssetKind.WaterPump, "pump", "Water pump",
        ["flow_m3h", "pressure_bar"], ["m³/h", "bar"],
        [new StatusRule(1, 2.0, 1.5, HighIsBad: false)]);

    public static IReadOnlyList<AssetKindInfo> All { get; } =
    [
        Building, RoadSegment, TrafficDetector, StreetlightCircuit, AirQualityStation,
        Substation, FloodSensor, EvCharger, WaterPump,
    ];

    public static AssetKindInfo Of(AssetKind kind) => All[(int)kind];

    public static bool TryParse(string wireName, out AssetKind kind)
    {
        foreach (var info in All)
        {
            if (string.Equals(info.WireName, wireName, StringComparison.OrdinalIgnoreCase))
            {
                kind = info.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
