using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// The interventions a scenario may use, with units, defaults, valid ranges and allowed targets:
/// what GET /api/scenarios/catalog serves and what the validator checks against. Defaults and
/// ranges come from model-facts.md where a figure exists (section cited in each parameter's source);
/// docs/models.md §16 gives the formulas.
/// </summary>
public sealed class InterventionCatalog
{
    private readonly Dictionary<string, InterventionType> _byId;

    public InterventionCatalog(IReadOnlyList<InterventionType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = types;
        _byId = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<InterventionType> Types { get; }

    public InterventionType? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    private const string Percent = "%";
    private static readonly ScenarioTargetKind[] Areas =
        [ScenarioTargetKind.City, ScenarioTargetKind.Gu, ScenarioTargetKind.Dong, ScenarioTargetKind.Polygon];
    private static readonly ScenarioTargetKind[] AreasAndAssets =
        [ScenarioTargetKind.City, ScenarioTargetKind.Gu, ScenarioTargetKind.Dong, ScenarioTargetKind.Polygon, ScenarioTargetKind.Assets];
    private static readonly string[] Roads = ["road", "traffic"];

    // Declared after the arrays it uses: static initialisers run in text order.
    public static InterventionCatalog Default { get; } = new(CreateDefault());

    private static List<InterventionType> CreateDefault() =>
    [
        new(InterventionIds.RoadClosure, "Road closure",
            "Closes road segments to vehicles; their traffic moves to the nearest open roads of the same dong in proportion to capacity ÷ distance.",
            [
                new("reroutedPercent", Percent, 100, 0, 100,
                    "Share of the closed roads' traffic that reroutes; the rest of the trips are not made.",
                    "[assumed] all trips still made; no Korean measurement of traffic evaporation in model-facts"),
            ],
            [ScenarioTargetKind.Assets, ScenarioTargetKind.Polygon], Roads),

        new(InterventionIds.BusLane, "Bus lane / BRT corridor",
            "Gives a general lane of each corridor segment to buses and shifts a share of car trips on the corridor to the bus.",
            [
                new("carTripsShiftedPercent", Percent, 3, 0, 30,
                    "Share of the corridor's car traffic that moves to the bus.",
                    "[assumed] Seoul's median bus lanes raised bus ridership 2.7 % (5.6 → 5.75 M/day); no Korean measurement of the car-traffic cut (model-facts §1)"),
                new("lanesConverted", "lanes", 1, 0, 2,
                    "General lanes per segment given to buses; a segment with no more lanes than this keeps its lanes (buses run in mixed traffic).",
                    "[assumed] one lane, as on Seoul's median bus corridors", WholeNumber: true),
            ],
            [ScenarioTargetKind.Assets, ScenarioTargetKind.Polygon], Roads),

        new(InterventionIds.CongestionCharge, "Congestion charge zone",
            "Charges vehicles entering a zone: traffic on its roads falls by the given share, and with it local traffic PM2.5, NO2 and CO2.",
            [
                new("demandReductionPercent", Percent, 15, 0, 40,
                    "Cut in vehicle traffic on the zone's roads.",
                    "[INTL] London −15 % traffic in the zone in the first year (TfL 2004), Stockholm ≈ −20 %; up to London's −36 % cars entering (model-facts §1)"),
            ],
            [ScenarioTargetKind.Polygon, ScenarioTargetKind.Gu, ScenarioTargetKind.Dong], Roads),

        new(InterventionIds.LedRetrofit, "LED streetlight retrofit",
            "Replaces the remaining sodium streetlight lamps with LEDs that give the same light for fewer watts.",
            [
                new("sharePercent", Percent, 100, 0, 100,
                    "Share of the target's sodium lamps replaced (lamps already LED are unchanged).",
                    "[KR] Incheon plans all-LED by 2030; 77 % of road lights were LED in Jan 2023 (model-facts §5)"),
                new("savingPercent", Percent, 62.5, 30, 80,
                    "Power saved per replaced lamp.",
                    "[KR] 400 W sodium → 150 W LED = −62.5 % [derived]; Incheon quotes ≈30 % on the bill; [INTL] retrofits save 40–60 % (MDPI Sensors 2024); Jeju 150 → 50 W (model-facts §5)"),
            ],
            AreasAndAssets, ["streetlight"]),

        new(InterventionIds.StreetlightDimming, "Adaptive streetlight dimming",
            "Dims lit streetlights for part of every night; LED power follows the light output.",
            [
                new("dimPercent", Percent, 50, 10, 90,
                    "Cut in light output (and power) while dimmed.",
                    "[INTL] E-Street: a 12 h night dimmed to 50 % for 6 h saves 25 % [derived] (model-facts §5)"),
                new("startHour", "h (local)", 23, 0, 23, "Local hour at which dimming starts.", "[assumed] after the evening traffic", WholeNumber: true),
                new("durationHours", "h", 6, 1, 12, "Hours dimmed each night.", "[INTL] E-Street example: 6 h (model-facts §5)", WholeNumber: true),
            ],
            AreasAndAssets, ["streetlight"]),

        new(InterventionIds.RooftopSolar, "Rooftop solar",
            "Puts PV panels on a share of the mapped buildings that have none; their output is netted off the substation load.",
            [
                new("buildingSharePercent", Percent, 30, 0, 100,
                    "Share of the target's buildings without panels that get them.",
                    "[assumed] today about 15 % of mapped roofs carry PV (generator)"),
                new("usableRoofPercent", Percent, 50, 10, 90,
                    "Share of each roof covered by panels (0.18 kWp per m² of panel).",
                    "[assumed] the generator's sizing of today's rooftop PV; yield ≈1,300 kWh/kWp·yr (model-facts §4)"),
            ],
            AreasAndAssets, ["building"]),

        new(InterventionIds.EvAdoption, "EV adoption",
            "Raises the electric share of the vehicle fleet: exhaust CO2 and NO2 fall with the combustion vehicle-km, charging adds load (mostly overnight).",
            [
                new("evSharePercent", Percent, 20, 0, 100,
                    "Electric share of the vehicle fleet in the target (today ≈2.3 %).",
                    "[KR] 40,397 EVs of 1,730,839 vehicles in Incheon at end-2023 (model-facts §4)"),
            ],
            Areas, []),

        new(InterventionIds.GreenRoofs, "Green roofs",
            "Greens a share of the impervious catchment of the target's flood sensors; the green part retains rain that would have run off.",
            [
                new("areaSharePercent", Percent, 10, 0, 100,
                    "Share of the catchments' impervious area turned into green roof.",
                    "[assumed] roofs are a part of a catchment's impervious area"),
                new("retentionPercent", Percent, 62, 0, 100,
                    "Share of the rain a green roof retains.",
                    "[INTL] 62 % per event on average, 2,375 samples (Zheng et al. 2021); catchment retrofits cut peak and volume ≈30 % (Palla et al. 2018) (model-facts §6)"),
            ],
            AreasAndAssets, ["flood"]),

        new(InterventionIds.PermeablePaving, "Permeable paving",
            "Repaves a share of the impervious catchment of the target's flood sensors with permeable pavement that retains part of the runoff.",
            [
                new("areaSharePercent", Percent, 10, 0, 100,
                    "Share of the catchments' impervious area repaved.",
                    "[assumed] car parks, pavements and side streets"),
                new("retentionPercent", Percent, 42.5, 0, 100,
                    "Share of the runoff retained.",
                    "[INTL] 42.5 % in high-intensity rain, 52.5 % in low (Liu et al. 2020) (model-facts §6)"),
            ],
            AreasAndAssets, ["flood"]),

        new(InterventionIds.DemandResponse, "Peak demand response",
            "Sheds a share of the load on the target's substations for a few hours every day.",
            [
                new("shavePercent", Percent, 5, 0, 20,
                    "Share of the load shed while the event runs.",
                    "[KR] 4.65 GW registered ≈5 % of the summer peak (MOTIE 2021); [INTL] commercial buildings shed 12 % on average (LBNL) (model-facts §8)"),
                new("startHour", "h (local)", 17, 0, 23, "Local hour at which the event starts.",
                    "[KR] the summer peak moved to 17–19 h (KPX, model-facts §4)", WholeNumber: true),
                new("durationHours", "h", 3, 1, 8, "Hours the event lasts.",
                    "[KR] first KPX dispatch: −1.66 GW for 3 h (model-facts §8)", WholeNumber: true),
            ],
            AreasAndAssets, ["substation"]),

        new(InterventionIds.SubstationCapacity, "New substation capacity",
            "Adds transformer capacity to the target's substations, shared in proportion to their capacity.",
            [
                new("capacityMw", "MW", 60, 5, 480,
                    "Capacity added (MVA taken as MW at unity power factor).",
                    "[KR] Incheon's 154 kV substations are 240 MVA = 4 × 60 MVA transformers [derived] (model-facts §4)"),
            ],
            [ScenarioTargetKind.Gu, ScenarioTargetKind.Dong, ScenarioTargetKind.Polygon, ScenarioTargetKind.Assets], ["substation"]),
    ];
}
