using System.Globalization;
using System.Runtime.CompilerServices;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Model.Generation;
using CityTwin.Model.Physics;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Kpis;
using CityTwin.Scenarios.Results;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// One district (gu) compiled for one definition: the live models holding only this gu's assets,
/// every intervention folded into per-asset factors, closures turned into diversion shares, and the
/// per-dong quantities (vehicles, PV, EVs). Evaluating a step is then a loop over arrays with no
/// allocation. Read-only once built, so steps may be evaluated on any number of threads.
/// </summary>
internal sealed class DistrictPlan
{
    private const int Channels = ChannelSeries.ChannelCount;

    /// <summary>A closed road's traffic spreads over this many nearest open roads.</summary>
    public const int DiversionNeighbours = 6;

    /// <summary>Distances below this count as this (a receiver at the junction does not take everything).</summary>
    public const double MinDiversionDistanceM = 50;

    /// <summary>A speed that rounds to 0.0 km/h on the wire counts as the wire's resolution.</summary>
    private const double MinSpeedKmh = 0.1;

    private static readonly double CongestedVc = AssetKinds.RoadSegment.Rules[0].Warning;
    private static readonly double SubstationOverloadPct = AssetKinds.Substation.Rules[0].Alarm;
    private static readonly double FloodAlarmCm = AssetKinds.FloodSensor.Rules[0].Alarm;
    private static readonly double SlowChargingMean = EvChargerModel.SlowBusy.Average();

    private readonly CityCatalog _city;
    private readonly RoadModel _roadModel;
    private readonly AirQualityModel _airModel;
    private readonly SubstationModel _substationModel;
    private readonly FloodModel _floodModel;
    private readonly StreetlightModel _lightModel;
    private readonly BuildingEnergyModel _buildingModel;

    private readonly RoadItem[] _roads;
    private readonly int[] _closed;
    private readonly int[] _diversionSource;
    private readonly double[] _diversionShare;
    private readonly AirItem[] _air;
    private readonly SubstationItem[] _substations;
    private readonly LightItem[] _lights;
    private readonly FloodItem[] _floods;
    private readonly BuildingItem[] _buildings;
    private readonly HourWindow[] _windows;
    private readonly int[] _windowIndex;

    private readonly double[] _population;
    private readonly double[] _existingKwp;
    private readonly double[] _addedKwp;
    private readonly double[] _vehicleKmAtDemand1;
    private readonly double[] _evShare;
    private readonly double[] _evAddedVehicles;
    private readonly double[] _evNo2Factor;
    private readonly ScenarioFacts _facts;

    public DistrictPlan(
        CityCatalog city,
        InterventionCatalog catalog,
        ScenarioDefinition definition,
        DistrictInfo district,
        Func<string, double> trafficIntensity,
        double vehiclesPerResident,
        ScenarioFacts facts)
    {
        _city = city;
        _facts = facts;
        District = district;
        var seed = definition.Seed;
        Dongs = [.. city.DongsOf(district.Code).OrderBy(d => d.Code, StringComparer.Ordinal)];
        var dongIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < Dongs.Length; d++) dongIndex[Dongs[d].Code] = d;

        _roadModel = new RoadModel(seed);
        _airModel = new AirQualityModel(seed);
        _substationModel = new SubstationModel(seed);
        _floodModel = new FloodModel();
        _lightModel = new StreetlightModel(seed);
        _buildingModel = new BuildingEnergyModel(seed);

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
                    var slot = _roadModel.Add(a.Index, road);
                    roads.Add(new RoadItem
                    {
                        Asset = a.Index,
                        Slot = slot,
                        Dong = dong,
                        LengthKm = road.LengthM / 1000,
                        FreeFlowKmh = _roadModel.FreeFlowKmh(slot),
                        FlowFactor = 1,
                        CapacityFactor = 1,
                    });
                    break;
                case AirStationSpec station:
                    air.Add(new AirItem(a.Index, _airModel.Add(a.Index, station, trafficIntensity(a.DongCode)), dong));
                    break;
                case SubstationSpec substation:
                    substations.Add(new SubstationItem { Asset = a.Index, Slot = _substationModel.Add(a.Index, substation), Dong = dong });
                    break;
                case StreetlightSpec light:
                    lights.Add(new LightItem { Asset = a.Index, Slot = _lightModel.Add(a.Index, light), Dong = dong, WattFactor = 1 });
                    break;
                case FloodSensorSpec flood:
                    floods.Add(new FloodItem { Asset = a.Index, Slot = _floodModel.Add(a.Index, flood), Dong = dong, RunoffFactor = 1 });
                    break;
                case BuildingSpec building:
                    buildings.Add(new BuildingItem { Asset = a.Index, Slot = _buildingModel.Add(a.Index, building), Dong = dong });
                    break;
            }
        }
        _roads = [.. roads];
        _air = [.. air];
        _substations = [.. substations];
        _lights = [.. lights];
        _floods = [.. floods];
        _buildings = [.. buildings];

        var n = Dongs.Length;
        _population = [.. Dongs.Select(d => (double)d.Population)];
        _vehicleKmAtDemand1 = [.. Dongs.Select(d => d.Population * vehiclesPerResident * _facts.KmPerVehiclePerDay / 24)];
        _evShare = [.. Enumerable.Repeat(_facts.CurrentEvShare, n)];
        _existingKwp = new double[n];
        _addedKwp = new double[n];

        var scopes = new List<InterventionScope>();
        var notes = new List<string>();
        var windows = new List<HourWindow>();
        var substationWindows = substations.Select(_ => new List<int>()).ToArray();
        var lightWindows = lights.Select(_ => new List<int>()).ToArray();
        // Per circuit: share of its sodium lamps not yet converted, and their wattage relative to all-sodium.
        var sodiumLeft = Enumerable.Repeat(1.0, lights.Count).ToArray();
        var sodiumWatts = Enumerable.Repeat(1.0, lights.Count).ToArray();
        var interventions = definition.Interventions ?? [];
        for (var i = 0; i < interventions.Count; i++)
        {
            var intervention = interventions[i];
            var type = catalog.Find(intervention.Type) ?? throw new ArgumentException($"unknown intervention type '{intervention.Type}'", nameof(definition));
            var target = new TargetResolver(intervention.Target, city);
            double P(string name) => type.Value(intervention, name);
            var touched = new HashSet<int>();
            var count = 0;
            var quantity = 0.0;
            var unit = "";
            bool In(int asset) => target.Contains(city.Assets[asset]);

            switch (type.Id)
            {
                case InterventionIds.RoadClosure:
                    unit = "km closed";
                    for (var j = 0; j < _roads.Length; j++)
                    {
                        ref var r = ref _roads[j];
                        if (!In(r.Asset)) continue;
                        r.Closed = true;
                        r.Rerouted = Math.Max(r.Rerouted, P("reroutedPercent") / 100);
                        count++;
                        touched.Add(r.Dong);
                        quantity += r.LengthKm;
                    }
                    break;
                case InterventionIds.BusLane:
                    {
                        unit = "km of corridor";
                        var shift = P("carTripsShiftedPercent") / 100;
                        var lanes = (int)P("lanesConverted");
                        var tooNarrow = 0;
                        for (var j = 0; j < _roads.Length; j++)
                        {
                            ref var r = ref _roads[j];
                            if (!In(r.Asset)) continue;
                            r.FlowFactor *= 1 - shift;
                            var spec = (RoadSpec)city.Assets[r.Asset].Spec;
                            if (lanes > 0 && spec.Lanes > lanes) r.CapacityFactor *= (double)(spec.Lanes - lanes) / spec.Lanes;
                            else if (lanes > 0) tooNarrow++;
                            count++;
                            touched.Add(r.Dong);
                            quantity += r.LengthKm;
                        }
                        if (tooNarrow > 0)
                            notes.Add($"{type.Id} (intervention {i}) in {district.NameEn}: {tooNarrow} segments have no more than {lanes} lane(s); they keep their lanes and buses run in mixed traffic there.");
                        break;
                    }
                case InterventionIds.CongestionCharge:
                    unit = "km of road in the zone";
                    for (var j = 0; j < _roads.Length; j++)
                    {
                        ref var r = ref _roads[j];
                        if (!In(r.Asset)) continue;
                        r.FlowFactor *= 1 - P("demandReductionPercent") / 100;
                        count++;
                        touched.Add(r.Dong);
                        quantity += r.LengthKm;
                    }
                    break;
                case InterventionIds.LedRetrofit:
                    unit = "lamps converted";
                    for (var j = 0; j < _lights.Length; j++)
                    {
                        if (!In(_lights[j].Asset)) continue;
                        var spec = (StreetlightSpec)city.Assets[_lights[j].Asset].Spec;
                        if (spec.LedShare >= 1) continue;
                        // Each retrofit converts a share of the sodium lamps still left; a second one cannot convert a lamp twice.
                        var converted = sodiumLeft[j] * P("sharePercent") / 100;
                        sodiumLeft[j] -= converted;
                        sodiumWatts[j] -= converted * P("savingPercent") / 100;
                        quantity += spec.Lamps * (1 - spec.LedShare) * converted;
                        count++;
                        touched.Add(_lights[j].Dong);
                    }
                    break;
                case InterventionIds.StreetlightDimming:
                    unit = "lamps dimmed";
                    windows.Add(new HourWindow(P("startHour"), P("durationHours"), 1 - P("dimPercent") / 100));
                    for (var j = 0; j < _lights.Length; j++)
                    {
                        if (!In(_lights[j].Asset)) continue;
                        lightWindows[j].Add(windows.Count - 1);
                        count++;
                        touched.Add(_lights[j].Dong);
                        quantity += ((StreetlightSpec)city.Assets[_lights[j].Asset].Spec).Lamps;
                    }
                    break;
                case InterventionIds.RooftopSolar:
                    {
                        unit = "kWp added";
                        var share = P("buildingSharePercent") / 100;
                        var roof = P("usableRoofPercent") / 100;
                        for (var j = 0; j < _buildings.Length; j++)
                        {
                            ref var b = ref _buildings[j];
                            var asset = city.Assets[b.Asset];
                            var spec = (BuildingSpec)asset.Spec;
                            if (spec.PvKwp > 0 || !target.Contains(asset)) continue;
                            // The same buildings are chosen for the same share whatever the seed and the run:
                            // a larger share adds buildings, it never swaps them.
                            if (SelectionDraw(city.Seed, InterventionIds.RooftopSolar, asset.Id) >= share) continue;
                            var kwp = spec.FootprintM2 * roof * _facts.PvKwpPerM2;
                            if (kwp <= b.AddedKwp) continue;
                            if (b.AddedKwp == 0) count++;
                            quantity += kwp - b.AddedKwp;
                            b.AddedKwp = kwp;
                            touched.Add(b.Dong);
                        }
                        var withoutBuildings = Dongs.Count(d => target.ContainsDong(d) && !city.AssetsInDong(d.Code).Any(a => a.Kind == AssetKind.Building));
                        if (withoutBuildings > 0)
                            notes.Add($"{type.Id} (intervention {i}) in {district.NameEn}: {withoutBuildings} dong(s) of the target have no mapped buildings, so no panels were added there.");
                        break;
                    }
                case InterventionIds.EvAdoption:
                    unit = "EVs added";
                    for (var d = 0; d < n; d++)
                    {
                        if (!target.ContainsDong(Dongs[d])) continue;
                        _evShare[d] = P("evSharePercent") / 100;
                        touched.Add(d);
                    }
                    break;
                case InterventionIds.GreenRoofs or InterventionIds.PermeablePaving:
                    {
                        var reduction = P("areaSharePercent") / 100 * P("retentionPercent") / 100;
                        unit = "residents of the dongs drained";
                        for (var j = 0; j < _floods.Length; j++)
                        {
                            ref var f = ref _floods[j];
                            if (!In(f.Asset)) continue;
                            f.RunoffFactor *= 1 - reduction;
                            count++;
                            if (touched.Add(f.Dong)) quantity += Dongs[f.Dong].Population;
                        }
                        break;
                    }
                case InterventionIds.DemandResponse:
                    unit = "residents served";
                    windows.Add(new HourWindow(P("startHour"), P("durationHours"), 1 - P("shavePercent") / 100));
                    for (var j = 0; j < _substations.Length; j++)
                    {
                        if (!In(_substations[j].Asset)) continue;
                        substationWindows[j].Add(windows.Count - 1);
                        count++;
                        touched.Add(_substations[j].Dong);
                        quantity += ((SubstationSpec)city.Assets[_substations[j].Asset].Spec).ServedPopulation;
                    }
                    break;
                case InterventionIds.SubstationCapacity:
                    {
                        unit = "MW added";
                        // Shared over the whole target, which may span districts: the denominator is city-wide
                        // so every district run gives its substations the same share.
                        var targetCapacity = city.Assets
                            .Where(a => a.Spec is SubstationSpec && target.Contains(a))
                            .Sum(a => ((SubstationSpec)a.Spec).CapacityMw);
                        if (targetCapacity <= 0) break;
                        for (var j = 0; j < _substations.Length; j++)
                        {
                            ref var s = ref _substations[j];
                            if (!In(s.Asset)) continue;
                            var added = P("capacityMw") * ((SubstationSpec)city.Assets[s.Asset].Spec).CapacityMw / targetCapacity;
                            s.ExtraCapacityMw += added;
                            quantity += added;
                            count++;
                            touched.Add(s.Dong);
                        }
                        break;
                    }
                default:
                    throw new ArgumentException($"intervention type '{type.Id}' has no engine rule", nameof(definition));
            }
            scopes.Add(new InterventionScope(i, type.Id, count, touched.Count, quantity, unit));
        }

        // EVs: the fleet share moves from today's ≈2.3 % to the scenario's; the difference charges and stops burning fuel.
        _evAddedVehicles = new double[n];
        _evNo2Factor = new double[n];
        var evAdded = 0.0;
        for (var d = 0; d < n; d++)
        {
            _evAddedVehicles[d] = _population[d] * vehiclesPerResident * (_evShare[d] - _facts.CurrentEvShare);
            _evNo2Factor[d] = (1 - _evShare[d]) / (1 - _facts.CurrentEvShare);
            evAdded += _evAddedVehicles[d];
        }
        for (var s = 0; s < scopes.Count; s++)
            if (scopes[s].Type == InterventionIds.EvAdoption) scopes[s] = scopes[s] with { Quantity = evAdded };

        for (var j = 0; j < _lights.Length; j++)
        {
            var spec = (StreetlightSpec)city.Assets[_lights[j].Asset].Spec;
            var before = spec.LedShare * spec.LedLampW + (1 - spec.LedShare) * spec.SodiumLampW;
            var after = spec.LedShare * spec.LedLampW + (1 - spec.LedShare) * spec.SodiumLampW * sodiumWatts[j];
            _lights[j].WattFactor = before > 0 ? after / before : 1;
        }

        foreach (var b in _buildings)
        {
            _existingKwp[b.Dong] += ((BuildingSpec)city.Assets[b.Asset].Spec).PvKwp;
            _addedKwp[b.Dong] += b.AddedKwp;
        }

        var served = new double[n];
        foreach (var s in _substations) served[s.Dong] += ((SubstationSpec)city.Assets[s.Asset].Spec).ServedPopulation;
        for (var j = 0; j < _substations.Length; j++)
        {
            var d = _substations[j].Dong;
            _substations[j].Share = served[d] > 0 ? ((SubstationSpec)city.Assets[_substations[j].Asset].Spec).ServedPopulation / served[d] : 0;
        }
        var dongsWithoutSubstation = Enumerable.Range(0, n).Count(d => served[d] <= 0);
        if (dongsWithoutSubstation > 0)
            notes.Add($"{district.NameEn}: {dongsWithoutSubstation} dong(s) have no substation; their EV charging and new PV are not counted in the grid load.");

        var windowIndex = new List<int>();
        for (var j = 0; j < _substations.Length; j++)
        {
            _substations[j].WindowStart = windowIndex.Count;
            windowIndex.AddRange(substationWindows[j]);
            _substations[j].WindowEnd = windowIndex.Count;
        }
        for (var j = 0; j < _lights.Length; j++)
        {
            _lights[j].WindowStart = windowIndex.Count;
            windowIndex.AddRange(lightWindows[j]);
            _lights[j].WindowEnd = windowIndex.Count;
        }
        _windows = [.. windows];
        _windowIndex = [.. windowIndex];

        (_closed, _diversionSource, _diversionShare, Diversions) = PlanDiversions(notes);

        Scopes = scopes;
        Notes = notes;
        Inventory = [.. Enumerable.Range(0, n).Select(d => new AreaInventory(
            Dongs[d].Population,
            _roads.Count(r => r.Dong == d),
            _air.Count(a => a.Dong == d),
            _substations.Count(s => s.Dong == d),
            _floods.Count(f => f.Dong == d),
            _lights.Count(l => l.Dong == d),
            _buildings.Count(b => b.Dong == d)))];
    }

    public DistrictInfo District { get; }
    public DongInfo[] Dongs { get; }
    public AreaInventory[] Inventory { get; }
    public IReadOnlyList<InterventionScope> Scopes { get; }
    public IReadOnlyList<string> Notes { get; }
    public IReadOnlyList<RoadDiversion> Diversions { get; }

    /// <summary>Assets the step loop evaluates per run (roads, stations, substations, lights, sensors) plus the buildings it covers in aggregate.</summary>
    public int AssetCount => _roads.Length + _air.Length + _substations.Length + _lights.Length + _floods.Length + _buildings.Length;

    public StepScratch NewScratch() => new(Dongs.Length, Channels, _roads.Length, _closed.Length, _windows.Length);

    /// <summary>
    /// A uniform draw in [0, 1) that picks the assets of a share-based intervention. It depends on the
    /// city's generation seed and the asset id only, so the weather seed never changes which roofs get panels.
    /// </summary>
    public static double SelectionDraw(int citySeed, string interventionType, string assetId) =>
        StableSeed.Derive(citySeed, interventionType + "/" + assetId) / 2147483648.0;

    /// <summary>
    /// Evaluates step <paramref name="k"/> for both runs and writes the dongs' channels at index
    /// <paramref name="k"/> of <paramref name="baseline"/> and <paramref name="scenario"/> (one
    /// array per dong, channel-major). Touches no shared state, so steps may run on any thread.
    /// </summary>
    public void EvaluateStep(int k, ConditionsTimeline timeline, StepScratch s, double[][] baseline, double[][] scenario, int steps) =>
        Evaluate(timeline.Baseline[k], timeline.Scenario[k], timeline.BaselineDry[k], timeline.ScenarioDry[k], s, null,
            baseline, scenario, steps, k);

    /// <summary>Every modelled asset of the district at one instant, both runs.</summary>
    public void Snapshot(CityConditions cb, CityConditions cs, IAssetSink sink) =>
        Evaluate(cb, cs, false, false, NewScratch(), sink, null, null, 0, 0);

    // Fully optimised from the first call: a scenario's first run would otherwise spend a second in
    // unoptimised code while tiered compilation catches up with this loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Evaluate(
        CityConditions cb, CityConditions cs, bool baseDry, bool scenarioDry, StepScratch s, IAssetSink? sink,
        double[][]? baselineOut, double[][]? scenarioOut, int steps, int k)
    {
        var same = ReferenceEquals(cb, cs);
        var bAcc = s.BaseAcc;
        var sAcc = s.ScenarioAcc;
        Array.Clear(bAcc);
        Array.Clear(sAcc);
        Array.Clear(s.BaseRoadVkm);
        Array.Clear(s.ScenarioRoadVkm);
        Span<double> v = stackalloc double[3];
        Span<double> w = stackalloc double[3];

        // Roads: the closed roads' would-be traffic first, then every road with what it receives.
        var noiseFraction = RefreshRoadRandomness(cb, s);
        for (var i = 0; i < _closed.Length; i++)
        {
            ref readonly var c = ref _roads[_closed[i]];
            s.ClosedFlow[i] = RoadFlow(_closed[i], cb, s, noiseFraction) * c.FlowFactor;
        }
        for (var j = 0; j < _roads.Length; j++)
        {
            ref readonly var r = ref _roads[j];
            var flow = RoadFlow(j, cb, s, noiseFraction);
            _roadModel.EvaluateFlow(r.Slot, cb, flow, 1, v);
            AddRoad(bAcc, s.BaseRoadVkm, in r, v);
            if (r.Closed)
            {
                sink?.Add(r.Asset, v, [], true);
                continue;
            }
            if (same && r.Unchanged)
            {
                AddRoad(sAcc, s.ScenarioRoadVkm, in r, v);
                sink?.Add(r.Asset, v, v, false);
                continue;
            }
            var scenarioFlow = flow * r.FlowFactor;
            for (var q = r.DiversionStart; q < r.DiversionEnd; q++) scenarioFlow += _diversionShare[q] * s.ClosedFlow[_diversionSource[q]];
            _roadModel.EvaluateFlow(r.Slot, cs, scenarioFlow, r.CapacityFactor, w);
            AddRoad(sAcc, s.ScenarioRoadVkm, in r, w);
            sink?.Add(r.Asset, v, w, false);
        }
        for (var d = 0; d < Dongs.Length; d++)
            s.TrafficFactor[d] = s.BaseRoadVkm[d] > 0 ? s.ScenarioRoadVkm[d] / s.BaseRoadVkm[d] : 1;

        // Air: local traffic terms follow the dong's road traffic; EVs also cut exhaust NO2.
        foreach (var a in _air)
        {
            _airModel.Evaluate(a.Slot, cb, 1, 1, v);
            AddAir(bAcc, a.Dong, v);
            var pm = s.TrafficFactor[a.Dong];
            var no2 = pm * _evNo2Factor[a.Dong];
            if (same && pm == 1 && no2 == 1) v.CopyTo(w);
            else _airModel.Evaluate(a.Slot, cs, pm, no2, w);
            AddAir(sAcc, a.Dong, w);
            sink?.Add(a.Asset, v, w, false);
        }

        var hour = cb.LocalHour;
        for (var i = 0; i < _windows.Length; i++) s.WindowFactor[i] = _windows[i].Contains(hour) ? _windows[i].Factor : 1;
        var pvBase = BuildingEnergyModel.PvPerKwp(cb.ClearSkyGhiWm2, cb.Weather.CloudCover);
        var pvScenario = BuildingEnergyModel.PvPerKwp(cs.ClearSkyGhiWm2, cs.Weather.CloudCover);
        // Added EVs charge like today's home chargers: the slow-charger occupancy profile, normalised to a daily mean of 1.
        var evShape = EvChargerModel.BusyProbability(false, hour) / SlowChargingMean;
        for (var d = 0; d < Dongs.Length; d++)
        {
            s.EvMw[d] = _evAddedVehicles[d] * _facts.KmPerVehiclePerDay * _facts.EvKwhPerKm * evShape / 24 / 1000;
            s.NewPvMw[d] = _addedKwp[d] * pvScenario / 1000;
        }

        foreach (var sub in _substations)
        {
            _substationModel.Evaluate(sub.Slot, cb, 1, 0, 0, v);
            AddSubstation(bAcc, sub.Dong, v);
            var factor = 1.0;
            for (var q = sub.WindowStart; q < sub.WindowEnd; q++) factor *= s.WindowFactor[_windowIndex[q]];
            var extra = sub.Share * (s.EvMw[sub.Dong] * factor - s.NewPvMw[sub.Dong]);
            if (same && factor == 1 && extra == 0 && sub.ExtraCapacityMw == 0) v.CopyTo(w);
            else _substationModel.Evaluate(sub.Slot, cs, factor, extra, sub.ExtraCapacityMw, w);
            AddSubstation(sAcc, sub.Dong, w);
            sink?.Add(sub.Asset, v[..2], w[..2], false);
        }

        foreach (var l in _lights)
        {
            var output = 1.0;
            for (var q = l.WindowStart; q < l.WindowEnd; q++) output *= s.WindowFactor[_windowIndex[q]];
            var kwBase = _lightModel.PowerKw(l.Slot, cb, 1, 1);
            var kwScenario = same && l.WattFactor == 1 && output == 1 ? kwBase : _lightModel.PowerKw(l.Slot, cs, l.WattFactor, output);
            bAcc[l.Dong * Channels + (int)ScenarioChannel.StreetlightKw] += kwBase;
            sAcc[l.Dong * Channels + (int)ScenarioChannel.StreetlightKw] += kwScenario;
            if (sink is not null)
            {
                _lightModel.Evaluate(l.Slot, cb, 1, 1, v);
                _lightModel.Evaluate(l.Slot, cs, l.WattFactor, output, w);
                sink.Add(l.Asset, v, w, false);
            }
        }

        // With no rain in the last three hours every sensor reads zero (the flood model's dry case), so skip them.
        if (!baseDry || !scenarioDry || sink is not null)
        {
            foreach (var f in _floods)
            {
                _floodModel.Evaluate(f.Slot, cb, 1, v);
                _floodModel.Evaluate(f.Slot, cs, f.RunoffFactor, w);
                if (v[0] >= FloodAlarmCm) bAcc[f.Dong * Channels + (int)ScenarioChannel.FloodAlarmSensors] += 1;
                if (w[0] >= FloodAlarmCm) sAcc[f.Dong * Channels + (int)ScenarioChannel.FloodAlarmSensors] += 1;
                sink?.Add(f.Asset, v[..2], w[..2], false);
            }
        }

        if (sink is not null)
        {
            foreach (var b in _buildings)
            {
                _buildingModel.Evaluate(b.Slot, cb, 0, v);
                _buildingModel.Evaluate(b.Slot, cs, b.AddedKwp, w);
                sink.Add(b.Asset, v, w, false);
            }
        }

        var hotBase = cb.Weather.TemperatureC >= _facts.HeatThresholdC;
        var hotScenario = cs.Weather.TemperatureC >= _facts.HeatThresholdC;
        for (var d = 0; d < Dongs.Length; d++)
        {
            var o = d * Channels;
            var vkmBase = _vehicleKmAtDemand1[d] * cb.TrafficDemand;
            var vkmScenario = _vehicleKmAtDemand1[d] * cs.TrafficDemand * s.TrafficFactor[d];
            bAcc[o + (int)ScenarioChannel.VehicleKm] = vkmBase;
            sAcc[o + (int)ScenarioChannel.VehicleKm] = vkmScenario;
            bAcc[o + (int)ScenarioChannel.TrafficCo2] = vkmBase * (1 - _facts.CurrentEvShare) * _facts.CombustionGramsCo2PerKm / 1e6;
            sAcc[o + (int)ScenarioChannel.TrafficCo2] = vkmScenario * (1 - _evShare[d]) * _facts.CombustionGramsCo2PerKm / 1e6;
            bAcc[o + (int)ScenarioChannel.PvMw] = _existingKwp[d] * pvBase / 1000;
            sAcc[o + (int)ScenarioChannel.PvMw] = (_existingKwp[d] + _addedKwp[d]) * pvScenario / 1000;
            bAcc[o + (int)ScenarioChannel.FloodedPopulation] = bAcc[o + (int)ScenarioChannel.FloodAlarmSensors] > 0 ? _population[d] : 0;
            sAcc[o + (int)ScenarioChannel.FloodedPopulation] = sAcc[o + (int)ScenarioChannel.FloodAlarmSensors] > 0 ? _population[d] : 0;
            bAcc[o + (int)ScenarioChannel.HeatExposedPopulation] = hotBase ? _population[d] : 0;
            sAcc[o + (int)ScenarioChannel.HeatExposedPopulation] = hotScenario ? _population[d] : 0;
        }

        if (baselineOut is null || scenarioOut is null) return;
        for (var d = 0; d < Dongs.Length; d++)
        {
            var bOut = baselineOut[d];
            var sOut = scenarioOut[d];
            var o = d * Channels;
            for (var ch = 0; ch < Channels; ch++)
            {
                bOut[ch * steps + k] = bAcc[o + ch];
                sOut[ch * steps + k] = sAcc[o + ch];
            }
        }
    }

    /// <summary>
    /// The road model's demand flow from the day factors and noise knots kept in the scratch:
    /// the same arithmetic as <see cref="RoadModel.DemandFlow(int, CityConditions)"/> (so the same
    /// bits), with three hashes per road per step reduced to a refresh once a day and every 5 minutes.
    /// </summary>
    private double RoadFlow(int item, CityConditions c, StepScratch s, double noiseFraction)
    {
        var noise = 1 + 0.05 * SeededRandom.Blend(s.RoadKnotA[item], s.RoadKnotB[item], noiseFraction);
        return _roadModel.DemandFlow(_roads[item].Slot, c.TrafficDemand, s.RoadDayFactor[item], noise);
    }

    /// <summary>Brings the scratch's day factors and noise knots to the step's instant; returns the fraction between the knots.</summary>
    private double RefreshRoadRandomness(CityConditions c, StepScratch s)
    {
        var day = c.LocalDay;
        if (day != s.RoadDay)
        {
            for (var j = 0; j < _roads.Length; j++) s.RoadDayFactor[j] = _roadModel.DayFactor(_roads[j].Slot, day);
            s.RoadDay = day;
        }
        var x = c.LocalDays * RoadModel.NoiseKnotsPerDay;
        var knot = (long)Math.Floor(x);
        if (knot != s.RoadKnot)
        {
            if (s.RoadKnot != long.MinValue && knot == s.RoadKnot + 1)
            {
                (s.RoadKnotA, s.RoadKnotB) = (s.RoadKnotB, s.RoadKnotA);
                for (var j = 0; j < _roads.Length; j++) s.RoadKnotB[j] = _roadModel.NoiseKnot(_roads[j].Slot, knot + 1);
            }
            else
            {
                for (var j = 0; j < _roads.Length; j++)
                {
                    s.RoadKnotA[j] = _roadModel.NoiseKnot(_roads[j].Slot, knot);
                    s.RoadKnotB[j] = _roadModel.NoiseKnot(_roads[j].Slot, knot + 1);
                }
            }
            s.RoadKnot = knot;
        }
        return x - knot;
    }

    private static void AddRoad(double[] acc, double[] roadVkm, in RoadItem r, ReadOnlySpan<double> v)
    {
        var o = r.Dong * Channels;
        var vkm = v[0] * r.LengthKm;
        acc[o + (int)ScenarioChannel.CongestedVehicleHours] += vkm / Math.Max(v[1], MinSpeedKmh);
        acc[o + (int)ScenarioChannel.FreeFlowVehicleHours] += vkm / r.FreeFlowKmh;
        if (v[2] >= CongestedVc) acc[o + (int)ScenarioChannel.CongestedRoads] += 1;
        roadVkm[r.Dong] += vkm;
    }

    private void AddAir(double[] acc, int dong, ReadOnlySpan<double> v)
    {
        var o = dong * Channels;
        acc[o + (int)ScenarioChannel.Pm25Sum] += v[0];
        acc[o + (int)ScenarioChannel.No2Sum] += v[2];
        if (v[0] > _facts.Pm25StandardUgM3) acc[o + (int)ScenarioChannel.Pm25Exceeding] += 1;
    }

    private static void AddSubstation(double[] acc, int dong, ReadOnlySpan<double> v)
    {
        var o = dong * Channels;
        acc[o + (int)ScenarioChannel.GridLoadMw] += v[0];
        if (v[1] >= SubstationOverloadPct) acc[o + (int)ScenarioChannel.OverloadedSubstations] += 1;
    }

    /// <summary>
    /// Sends each closed road's traffic to the <see cref="DiversionNeighbours"/> nearest open roads of
    /// its dong (of its gu when the whole dong is closed), in proportion to capacity ÷ distance: the
    /// bigger and the closer a road, the more of the detour it takes.
    /// </summary>
    private (int[] Closed, int[] Source, double[] Share, IReadOnlyList<RoadDiversion> Diversions) PlanDiversions(List<string> notes)
    {
        var closed = Enumerable.Range(0, _roads.Length).Where(j => _roads[j].Closed).ToArray();
        var incoming = new List<(int Closed, double Share)>[_roads.Length];
        var diversions = new List<RoadDiversion>();
        var stranded = 0;
        var open = Enumerable.Range(0, _roads.Length).Where(j => !_roads[j].Closed).ToList();
        for (var c = 0; c < closed.Length; c++)
        {
            var from = _roads[closed[c]];
            var a = _city.Assets[from.Asset];
            var candidates = open.Where(j => _roads[j].Dong == from.Dong).ToList();
            if (candidates.Count == 0) candidates = open;
            var nearest = candidates
                .Select(j => (Item: j, Distance: GeoMath.DistanceM(a.Lon, a.Lat, _city.Assets[_roads[j].Asset].Lon, _city.Assets[_roads[j].Asset].Lat)))
                .OrderBy(x => x.Distance).ThenBy(x => _roads[x.Item].Asset)
                .Take(DiversionNeighbours)
                .ToList();
            if (nearest.Count == 0 || from.Rerouted <= 0)
            {
                if (from.Rerouted > 0) stranded++;
                diversions.Add(new RoadDiversion(a.Id, []));
                continue;
            }
            var weights = nearest.Select(x => _roadModel.CapacityVph(_roads[x.Item].Slot) * _roads[x.Item].CapacityFactor / Math.Max(x.Distance, MinDiversionDistanceM)).ToList();
            var total = weights.Sum();
            var receivers = new List<DiversionShare>();
            for (var q = 0; q < nearest.Count; q++)
            {
                var share = from.Rerouted * weights[q] / total;
                (incoming[nearest[q].Item] ??= []).Add((c, share));
                receivers.Add(new DiversionShare(_city.Assets[_roads[nearest[q].Item].Asset].Id, share, Math.Round(nearest[q].Distance, 1)));
            }
            diversions.Add(new RoadDiversion(a.Id, receivers));
        }
        if (stranded > 0)
            notes.Add($"{District.NameEn}: {stranded.ToString(CultureInfo.InvariantCulture)} closed road(s) have no open road in the gu to take their traffic; those trips are not made.");

        var source = new List<int>();
        var shares = new List<double>();
        for (var j = 0; j < _roads.Length; j++)
        {
            _roads[j].DiversionStart = source.Count;
            if (incoming[j] is { } list)
            {
                foreach (var (c, share) in list)
                {
                    source.Add(c);
                    shares.Add(share);
                }
            }
            _roads[j].DiversionEnd = source.Count;
        }
        return (closed, [.. source], [.. shares], diversions);
    }
}
