using System.Runtime.CompilerServices;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Model.Physics;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Kpis;
using CityTwin.Scenarios.Results;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// One district (gu) compiled for one definition by <see cref="DistrictPlanBuilder"/>: the live
/// models holding only this gu's assets, every intervention folded into per-asset factors, closures
/// turned into diversion shares, and the per-dong quantities (vehicles, PV, EVs). Evaluating a step
/// is then a loop over arrays with no allocation and no call into an intervention rule. Read-only
/// once built, so steps may be evaluated on any number of threads.
/// </summary>
internal sealed class DistrictPlan
{
    private const int Channels = ChannelSeries.ChannelCount;

    /// <summary>A speed that rounds to 0.0 km/h on the wire counts as the wire's resolution.</summary>
    private const double MinSpeedKmh = 0.1;

    private static readonly double CongestedVc = AssetKinds.RoadSegment.Rules[0].Warning;
    private static readonly double SubstationOverloadPct = AssetKinds.Substation.Rules[0].Alarm;
    private static readonly double FloodAlarmCm = AssetKinds.FloodSensor.Rules[0].Alarm;
    private static readonly double SlowChargingMean = EvChargerModel.SlowBusy.Average();

    private readonly ScenarioFacts _facts;
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
    private readonly bool[] _dongWithoutSubstation;

    /// <summary>Takes the finished arrays of a builder (see <see cref="DistrictPlanBuilder.Build"/>).</summary>
    public DistrictPlan(DistrictPlanBuilder built)
    {
        _facts = built.Facts;
        District = built.District;
        Dongs = built.Dongs;
        _roadModel = built.RoadModel;
        _airModel = built.AirModel;
        _substationModel = built.SubstationModel;
        _floodModel = built.FloodModel;
        _lightModel = built.LightModel;
        _buildingModel = built.BuildingModel;

        _roads = built.Roads;
        _air = built.Air;
        _substations = built.Substations;
        _lights = built.Lights;
        _floods = built.Floods;
        _buildings = built.Buildings;
        _windows = built.Windows;
        _windowIndex = built.WindowIndex;
        (_closed, _diversionSource, _diversionShare, Diversions) = built.Diversions;

        _population = built.Population;
        _existingKwp = built.ExistingKwp;
        _addedKwp = built.AddedKwp;
        _vehicleKmAtDemand1 = built.VehicleKmAtDemand1;
        _evShare = built.EvShare;
        _evAddedVehicles = built.EvAddedVehicles;
        _evNo2Factor = built.EvNo2Factor;
        _dongWithoutSubstation = built.DongWithoutSubstation;

        Scopes = built.Scopes;
        Notes = built.Notes;
        Inventory = built.Inventory;
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
        // The facts as locals: read once per step, not once per dong or per station.
        var kmPerVehiclePerDay = _facts.KmPerVehiclePerDay;
        var evKwhPerKm = _facts.EvKwhPerKm;
        var currentEvShare = _facts.CurrentEvShare;
        var combustionGramsCo2PerKm = _facts.CombustionGramsCo2PerKm;
        var heatThresholdC = _facts.HeatThresholdC;
        var pm25Standard = _facts.Pm25StandardUgM3;
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
            AddAir(bAcc, a.Dong, v, pm25Standard);
            var pm = s.TrafficFactor[a.Dong];
            var no2 = pm * _evNo2Factor[a.Dong];
            if (same && pm == 1 && no2 == 1) v.CopyTo(w);
            else _airModel.Evaluate(a.Slot, cs, pm, no2, w);
            AddAir(sAcc, a.Dong, w, pm25Standard);
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
            s.EvMw[d] = _evAddedVehicles[d] * kmPerVehiclePerDay * evKwhPerKm * evShape / 24 / 1000;
            s.NewPvMw[d] = _addedKwp[d] * pvScenario / 1000;
        }

        // Streetlights before the substations: their change is part of the grid balance (docs/models.md §16.1).
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
        for (var d = 0; d < Dongs.Length; d++)
        {
            var o = d * Channels + (int)ScenarioChannel.StreetlightKw;
            s.LightDeltaMw[d] = (sAcc[o] - bAcc[o]) / 1000;
        }

        // The grid balance: the substation load is the top-down total of every end use of the served
        // population (§7), so each end use modelled bottom-up enters only as its change against the
        // baseline, never twice.
        foreach (var sub in _substations)
        {
            _substationModel.Evaluate(sub.Slot, cb, 1, 0, 0, v);
            AddSubstation(bAcc, sub.Dong, v);
            var factor = 1.0;
            for (var q = sub.WindowStart; q < sub.WindowEnd; q++) factor *= s.WindowFactor[_windowIndex[q]];
            var extra = sub.Share * (s.EvMw[sub.Dong] * factor - s.NewPvMw[sub.Dong] + s.LightDeltaMw[sub.Dong]);
            if (same && factor == 1 && extra == 0 && sub.ExtraCapacityMw == 0) v.CopyTo(w);
            else _substationModel.Evaluate(sub.Slot, cs, factor, extra, sub.ExtraCapacityMw, w);
            AddSubstation(sAcc, sub.Dong, w);
            sink?.Add(sub.Asset, v[..2], w[..2], false);
        }
        for (var d = 0; d < Dongs.Length; d++)
        {
            if (_dongWithoutSubstation[d])
                sAcc[d * Channels + (int)ScenarioChannel.GridLoadMw] += s.EvMw[d] - s.NewPvMw[d] + s.LightDeltaMw[d];
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

        var hotBase = cb.Weather.TemperatureC >= heatThresholdC;
        var hotScenario = cs.Weather.TemperatureC >= heatThresholdC;
        for (var d = 0; d < Dongs.Length; d++)
        {
            var o = d * Channels;
            var vkmBase = _vehicleKmAtDemand1[d] * cb.TrafficDemand;
            var vkmScenario = _vehicleKmAtDemand1[d] * cs.TrafficDemand * s.TrafficFactor[d];
            bAcc[o + (int)ScenarioChannel.VehicleKm] = vkmBase;
            sAcc[o + (int)ScenarioChannel.VehicleKm] = vkmScenario;
            bAcc[o + (int)ScenarioChannel.TrafficCo2] = vkmBase * (1 - currentEvShare) * combustionGramsCo2PerKm / 1e6;
            sAcc[o + (int)ScenarioChannel.TrafficCo2] = vkmScenario * (1 - _evShare[d]) * combustionGramsCo2PerKm / 1e6;
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

    private static void AddAir(double[] acc, int dong, ReadOnlySpan<double> v, double pm25Standard)
    {
        var o = dong * Channels;
        acc[o + (int)ScenarioChannel.Pm25Sum] += v[0];
        acc[o + (int)ScenarioChannel.No2Sum] += v[2];
        if (v[0] > pm25Standard) acc[o + (int)ScenarioChannel.Pm25Exceeding] += 1;
    }

    private static void AddSubstation(double[] acc, int dong, ReadOnlySpan<double> v)
    {
        var o = dong * Channels;
        acc[o + (int)ScenarioChannel.GridLoadMw] += v[0];
        if (v[1] >= SubstationOverloadPct) acc[o + (int)ScenarioChannel.OverloadedSubstations] += 1;
    }
}
