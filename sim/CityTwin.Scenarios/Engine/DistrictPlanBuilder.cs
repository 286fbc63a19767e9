using CityTwin.Model.City;
using CityTwin.Model.Physics;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Interventions;
using CityTwin.Scenarios.Results;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// Compiles one definition for one district (gu) into a <see cref="DistrictPlan"/>: loads the gu's
/// assets into the live models, lets each intervention's <see cref="InterventionRule"/> set its
/// per-asset and per-dong factors, then derives what the step loop reads (EV charging per dong, LED
/// watt factors, PV per dong, each substation's share of its dong, the daily windows, the diversions).
/// The rules see this builder as "the plan being built".
/// </summary>
internal sealed class DistrictPlanBuilder
{
    private readonly List<HourWindow> _windows = [];
    private readonly List<int>[] _substationWindows;
    private readonly List<int>[] _lightWindows;
    private readonly List<string> _notes = [];
    private readonly Dictionary<Type, object> _ruleState = [];

    private DistrictPlanBuilder(CityCatalog city, ScenarioDefinition definition, DistrictInfo district, ScenarioFacts facts, Func<string, double> trafficIntensity)
    {
        City = city;
        District = district;
        Facts = facts;
        var seed = definition.Seed;
        Dongs = [.. city.DongsOf(district.Code).OrderBy(d => d.Code, StringComparer.Ordinal)];
        var dongIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < Dongs.Length; d++) dongIndex[Dongs[d].Code] = d;

        RoadModel = new RoadModel(seed);
        AirModel = new AirQualityModel(seed);
        SubstationModel = new SubstationModel(seed);
        FloodModel = new FloodModel();
        LightModel = new StreetlightModel(seed);
        BuildingModel = new BuildingEnergyModel(seed);

        var roads = new List<RoadItem>();
        var air = new List<AirItem>();
        var substations = new List<SubstationItem>();
        var lights = new List<LightItem>();
        var floods = new List<FloodItem>();
        var buildings = new List<BuildingItem>();
        var assets = Dongs.SelectMany(d => city.AssetsInDong(d.Code)).OrderBy(a => a.Index).ToList();
        foreach (var a in assets)
        {
            var dong = dongIndex[a.DongCode];
            switch (a.Spec)
            {
                // Footways carry people, not vehicles: no vehicle KPI and no vehicle intervention touches them.
                case RoadSpec road when road.Class != RoadClass.Footway:
                    var slot = RoadModel.Add(a.Index, road);
                    roads.Add(new RoadItem
                    {
                        Asset = a.Index,
                        Slot = slot,
                        Dong = dong,
                        LengthKm = road.LengthM / 1000,
                        FreeFlowKmh = RoadModel.FreeFlowKmh(slot),
                        FlowFactor = 1,
                        CapacityFactor = 1,
                    });
                    break;
                case AirStationSpec station:
                    air.Add(new AirItem(a.Index, AirModel.Add(a.Index, station, trafficIntensity(a.DongCode)), dong));
                    break;
                case SubstationSpec substation:
                    substations.Add(new SubstationItem { Asset = a.Index, Slot = SubstationModel.Add(a.Index, substation), Dong = dong });
                    break;
                case StreetlightSpec light:
                    lights.Add(new LightItem { Asset = a.Index, Slot = LightModel.Add(a.Index, light), Dong = dong, WattFactor = 1 });
                    break;
                case FloodSensorSpec flood:
                    floods.Add(new FloodItem { Asset = a.Index, Slot = FloodModel.Add(a.Index, flood), Dong = dong, RunoffFactor = 1 });
                    break;
                case BuildingSpec building:
                    buildings.Add(new BuildingItem { Asset = a.Index, Slot = BuildingModel.Add(a.Index, building), Dong = dong });
                    break;
            }
        }
        Roads = [.. roads];
        Air = [.. air];
        Substations = [.. substations];
        Lights = [.. lights];
        Floods = [.. floods];
        Buildings = [.. buildings];
        _substationWindows = [.. Substations.Select(_ => new List<int>())];
        _lightWindows = [.. Lights.Select(_ => new List<int>())];

        EvShare = [.. Enumerable.Repeat(facts.CurrentEvShare, Dongs.Length)];
    }

    public CityCatalog City { get; }
    public DistrictInfo District { get; }
    public ScenarioFacts Facts { get; }

    /// <summary>The gu's dongs in code order; every per-dong array and item's Dong uses this index.</summary>
    public DongInfo[] Dongs { get; }

    public RoadModel RoadModel { get; }
    public AirQualityModel AirModel { get; }
    public SubstationModel SubstationModel { get; }
    public FloodModel FloodModel { get; }
    public StreetlightModel LightModel { get; }
    public BuildingEnergyModel BuildingModel { get; }

    // The assets of the gu with their what-if factors: rules change them in place (ref element access).
    public RoadItem[] Roads { get; }
    public AirItem[] Air { get; }
    public SubstationItem[] Substations { get; }

    /// <summary>Dongs none of whose served population sits behind a substation of the gu.</summary>
    public bool[] DongWithoutSubstation { get; private set; } = [];
    public LightItem[] Lights { get; }
    public FloodItem[] Floods { get; }

    /// <summary>Flood sensors of dong <paramref name="dong"/> (plan index): the sensors that share its area.</summary>
    public int FloodSensorsIn(int dong)
    {
        _floodSensorsPerDong ??= CountFloodSensors();
        return _floodSensorsPerDong[dong];
    }

    private int[]? _floodSensorsPerDong;

    private int[] CountFloodSensors()
    {
        var counts = new int[Dongs.Length];
        foreach (var f in Floods) counts[f.Dong]++;
        return counts;
    }
    public BuildingItem[] Buildings { get; }

    /// <summary>Electric share of the vehicle fleet per dong: today's unless an intervention sets it.</summary>
    public double[] EvShare { get; }

    /// <summary>EVs added per dong over today's fleet; known once every intervention is folded in.</summary>
    public double[] EvAddedVehicles { get; private set; } = [];

    /// <summary>Sum of <see cref="EvAddedVehicles"/> over the gu's dongs, in dong order.</summary>
    public double EvAddedTotal { get; private set; }

    public List<InterventionScope> Scopes { get; } = [];
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>A sentence for the planner about this district's plan (shown with the results).</summary>
    public void AddNote(string note) => _notes.Add(note);

    /// <summary>Registers a daily window of hours with its factor; returns its index for <see cref="ApplyWindowToLight"/> and <see cref="ApplyWindowToSubstation"/>.</summary>
    public int AddDailyWindow(HourWindow window)
    {
        _windows.Add(window);
        return _windows.Count - 1;
    }

    /// <summary>The light output of streetlight circuit <paramref name="light"/> is multiplied by the window's factor inside its hours.</summary>
    public void ApplyWindowToLight(int light, int window) => _lightWindows[light].Add(window);

    /// <summary>The load of substation <paramref name="substation"/> is multiplied by the window's factor inside its hours.</summary>
    public void ApplyWindowToSubstation(int substation, int window) => _substationWindows[substation].Add(window);

    /// <summary>
    /// Working state a rule keeps across several interventions of its type in one plan (a second LED
    /// retrofit converts only the lamps the first one left), created on first use.
    /// </summary>
    public T RuleState<T>(Func<T> create) where T : class
    {
        if (_ruleState.TryGetValue(typeof(T), out var state)) return (T)state;
        var created = create();
        _ruleState[typeof(T)] = created;
        return created;
    }

    public static DistrictPlan Build(
        CityCatalog city,
        InterventionCatalog catalog,
        ScenarioDefinition definition,
        DistrictInfo district,
        ScenarioFacts facts,
        Func<string, double> trafficIntensity,
        double vehiclesPerResident)
    {
        var plan = new DistrictPlanBuilder(city, definition, district, facts, trafficIntensity);
        plan.ApplyInterventions(catalog, definition, vehiclesPerResident);
        plan.Finish(vehiclesPerResident);
        return new DistrictPlan(plan);
    }

    private void ApplyInterventions(InterventionCatalog catalog, ScenarioDefinition definition, double vehiclesPerResident)
    {
        var interventions = definition.Interventions ?? [];
        var applied = new List<(InterventionRule Rule, InterventionApplication Application)>(interventions.Count);
        for (var i = 0; i < interventions.Count; i++)
        {
            var intervention = interventions[i];
            var type = catalog.Find(intervention.Type) ?? throw new ArgumentException($"unknown intervention type '{intervention.Type}'", nameof(definition));
            var rule = InterventionRegistry.Find(type.Id) ?? throw new ArgumentException($"intervention type '{type.Id}' has no engine rule", nameof(definition));
            var application = new InterventionApplication(i, type, intervention, City);
            rule.Apply(application, this);
            applied.Add((rule, application));
        }

        // EVs: the fleet share moves from today's ≈2.3 % to the scenario's; the difference charges and stops burning fuel.
        EvAddedVehicles = new double[Dongs.Length];
        var total = 0.0;
        for (var d = 0; d < Dongs.Length; d++)
        {
            EvAddedVehicles[d] = Dongs[d].Population * vehiclesPerResident * (EvShare[d] - Facts.CurrentEvShare);
            total += EvAddedVehicles[d];
        }
        EvAddedTotal = total;

        var dongCodes = Dongs.Select(d => d.Code).ToArray();
        foreach (var (rule, application) in applied)
        {
            rule.Complete(application, this);
            Scopes.Add(application.ToScope(rule.QuantityUnit, rule.CostUnit, dongCodes));
        }
    }

    // What the step loop reads besides the items, set by Finish.
    public double[] Population { get; private set; } = [];
    public double[] VehicleKmAtDemand1 { get; private set; } = [];
    public double[] EvNo2Factor { get; private set; } = [];
    public double[] ExistingKwp { get; private set; } = [];
    public double[] AddedKwp { get; private set; } = [];
    public HourWindow[] Windows { get; private set; } = [];
    public int[] WindowIndex { get; private set; } = [];
    public RoadDiversionPlan Diversions { get; private set; } = RoadDiversionPlan.None;
    public AreaInventory[] Inventory { get; private set; } = [];

    /// <summary>Derives the per-dong arrays, the substations' shares, the flat window index and the diversions from the folded factors.</summary>
    private void Finish(double vehiclesPerResident)
    {
        var n = Dongs.Length;
        Population = [.. Dongs.Select(d => (double)d.Population)];
        VehicleKmAtDemand1 = [.. Dongs.Select(d => d.Population * vehiclesPerResident * Facts.KmPerVehiclePerDay / 24)];
        // Exhaust NO2 follows the combustion share of the fleet, relative to today's.
        EvNo2Factor = new double[n];
        for (var d = 0; d < n; d++) EvNo2Factor[d] = (1 - EvShare[d]) / (1 - Facts.CurrentEvShare);

        ExistingKwp = new double[n];
        AddedKwp = new double[n];
        foreach (var b in Buildings)
        {
            ExistingKwp[b.Dong] += ((BuildingSpec)City.Assets[b.Asset].Spec).PvKwp;
            AddedKwp[b.Dong] += b.AddedKwp;
        }

        // A dong's changes in end use (added EV charging, new PV, streetlights) reach the grid through
        // its substations, by served population; a dong without one takes them straight into its grid load.
        var served = new double[n];
        foreach (var s in Substations) served[s.Dong] += ((SubstationSpec)City.Assets[s.Asset].Spec).ServedPopulation;
        for (var j = 0; j < Substations.Length; j++)
        {
            var d = Substations[j].Dong;
            Substations[j].Share = served[d] > 0 ? ((SubstationSpec)City.Assets[Substations[j].Asset].Spec).ServedPopulation / served[d] : 0;
        }
        DongWithoutSubstation = [.. served.Select(x => x <= 0)];
        var dongsWithoutSubstation = DongWithoutSubstation.Count(x => x);
        if (dongsWithoutSubstation > 0)
            AddNote($"{District.NameEn}: {dongsWithoutSubstation} dong(s) have no substation; their changes in EV charging, PV and streetlights count in the grid energy but load no substation.");

        var windowIndex = new List<int>();
        for (var j = 0; j < Substations.Length; j++)
        {
            Substations[j].WindowStart = windowIndex.Count;
            windowIndex.AddRange(_substationWindows[j]);
            Substations[j].WindowEnd = windowIndex.Count;
        }
        for (var j = 0; j < Lights.Length; j++)
        {
            Lights[j].WindowStart = windowIndex.Count;
            windowIndex.AddRange(_lightWindows[j]);
            Lights[j].WindowEnd = windowIndex.Count;
        }
        Windows = [.. _windows];
        WindowIndex = [.. windowIndex];

        Diversions = RoadDiversionPlanner.Plan(City, District, Roads, RoadModel, AddNote);

        Inventory = [.. Enumerable.Range(0, n).Select(d => new AreaInventory(
            Dongs[d].Population,
            Roads.Count(r => r.Dong == d),
            Air.Count(a => a.Dong == d),
            Substations.Count(s => s.Dong == d),
            Floods.Count(f => f.Dong == d),
            Lights.Count(l => l.Dong == d),
            Buildings.Count(b => b.Dong == d)))];
    }
}
