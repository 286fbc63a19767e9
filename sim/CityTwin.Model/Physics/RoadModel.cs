using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// Road segments and traffic detectors: values [flow_vph, speed_kmh, vc].
/// <para>flow = capacity × base utilisation(class) × demand(t) × segment factor × day factor × noise.
/// The segment factor (lognormal, σ = 0.25) is why some roads are always busier than others; the
/// day factor (±8 %) moves the bottlenecks from day to day; the noise (±5 %, 5-min knots) is
/// detector jitter. v is demand volume, so vc may exceed 1: that is queued demand.</para>
/// <para>speed = free-flow speed × rain factor / (1 + 0.15·(v/c)^4), the BPR volume-delay function
/// (FHWA; used by KOTI's KTDB network), with the free-flow speed capped by the
/// Safe Speed 5030 limits (50 km/h urban, 60 on designated arterials, 30 residential; KOTSA,
/// Road Traffic Act Enforcement Rule art. 19). Rain slows drivers by up to 10 % at 10 mm/h and above (assumption).</para>
/// Base utilisation was tuned on the default city's catalogue so that at a weekday 17–18 h peak (demand
/// 1.76) about one primary arterial in six is at v/c ≥ 0.85 (≈12 % warning, ≈4 % alarm), while at
/// 03 h (demand 0.12) every road runs free.
/// </summary>
public sealed class RoadModel
{
    private readonly int _seed;
    private readonly List<Segment> _segments = [];

    public RoadModel(int seed) => _seed = seed;

    public int Count => _segments.Count;

    /// <summary>Share of capacity used at demand 1.0 (the average weekday hour) by an average segment.</summary>
    public static double BaseUtilisation(RoadClass roadClass) => roadClass switch
    {
        RoadClass.Motorway => 0.40,
        RoadClass.Primary => 0.38,
        RoadClass.Secondary => 0.34,
        RoadClass.Local => 0.20,
        RoadClass.Footway => 0.08,
        _ => 0.20,
    };

    /// <summary>Safe Speed 5030 caps (km/h); motorways keep their posted speed; footways walk at 5.</summary>
    public static double SpeedCapKmh(RoadClass roadClass) => roadClass switch
    {
        RoadClass.Motorway => 100,
        RoadClass.Primary => 60,
        RoadClass.Secondary => 50,
        RoadClass.Local => 30,
        RoadClass.Footway => 5,
        _ => 50,
    };

    /// <summary>BPR: congested travel time over free-flow travel time.</summary>
    public static double BprTimeFactor(double vc)
    {
        var x2 = vc * vc;
        return 1 + 0.15 * x2 * x2;
    }

    /// <summary>Speed reduction in rain: linear to −10 % at 10 mm/h.</summary>
    public static double RainSpeedFactor(double rainMmH) => 1 - 0.10 * Math.Clamp(rainMmH / 10, 0, 1);

    public int Add(int assetIndex, RoadSpec spec)
    {
        var capacity = spec.CapacityVph > 0 ? spec.CapacityVph : 1;
        var freeFlow = Math.Min(spec.FreeFlowKmh > 0 ? spec.FreeFlowKmh : SpeedCapKmh(spec.Class), SpeedCapKmh(spec.Class));
        var factor = Math.Clamp(Math.Exp(0.25 * SeededRandom.Normal(_seed, RandomStream.RoadSegment, assetIndex)), 0.4, 2.2);
        _segments.Add(new Segment(assetIndex, capacity, capacity * BaseUtilisation(spec.Class) * factor, freeFlow));
        return _segments.Count - 1;
    }

    /// <summary>Expected flow of a segment at demand 1.0, veh/h (people/h on footways).</summary>
    public double BaseFlow(int slot) => _segments[slot].BaseFlow;

    /// <summary>Capacity of the segment as modelled (all lanes), veh/h.</summary>
    public double CapacityVph(int slot) => _segments[slot].Capacity;

    /// <summary>Free-flow speed after the Safe Speed 5030 cap, km/h.</summary>
    public double FreeFlowKmh(int slot) => _segments[slot].FreeFlowKmh;

    /// <summary>
    /// The flow the segment carries at an instant, veh/h, before any what-if change: split from
    /// <see cref="Evaluate"/> so a scenario can reroute or reduce it and still get the same speeds.
    /// </summary>
    public double DemandFlow(int slot, CityConditions c) =>
        DemandFlow(slot, c.TrafficDemand, DayFactor(slot, c.LocalDay), Noise(slot, c.LocalDays));

    /// <summary>Detector noise knots per day (every 5 minutes).</summary>
    public const int NoiseKnotsPerDay = 288;

    /// <summary>
    /// <see cref="DemandFlow(int, CityConditions)"/> from its parts, for callers that keep the day
    /// factor (one per day) and the noise knots (one per 5 minutes) across many steps.
    /// </summary>
    public double DemandFlow(int slot, double trafficDemand, double dayFactor, double noise) =>
        _segments[slot].BaseFlow * trafficDemand * dayFactor * noise;

    /// <summary>The segment's ±8 % factor for a local day.</summary>
    public double DayFactor(int slot, long localDay) =>
        1 + 0.08 * SeededRandom.Signed(_seed, RandomStream.RoadDay, _segments[slot].AssetIndex, localDay);

    /// <summary>The ±5 % detector noise at an instant (continuous local days).</summary>
    public double Noise(int slot, double localDays) =>
        1 + 0.05 * SeededRandom.SmoothSigned(_seed, RandomStream.RoadNoise, _segments[slot].AssetIndex, localDays * NoiseKnotsPerDay);

    /// <summary>One knot of the detector noise; <see cref="Noise"/> is 1 + 0.05 × the smoothstep blend of two knots.</summary>
    public double NoiseKnot(int slot, long knot) =>
        SeededRandom.Signed(_seed, RandomStream.RoadNoise, _segments[slot].AssetIndex, knot);

    public void Evaluate(int slot, CityConditions c, Span<double> values) => EvaluateFlow(slot, c, DemandFlow(slot, c), 1, values);

    /// <summary>
    /// Values for a given flow (veh/h) with <paramref name="capacityFactor"/> of the capacity left:
    /// the what-if hook for closures (traffic rerouted onto this segment), charges (less traffic)
    /// and bus lanes (a lane taken from cars). Factor 1 and the demand flow give <see cref="Evaluate"/>.
    /// </summary>
    public void EvaluateFlow(int slot, CityConditions c, double flowVph, double capacityFactor, Span<double> values)
    {
        var s = _segments[slot];
        var vc = flowVph / (s.Capacity * capacityFactor);
        var speed = s.FreeFlowKmh * RainSpeedFactor(c.Weather.RainMmH) / BprTimeFactor(vc);
        values[0] = Math.Round(flowVph, 1);
        values[1] = Math.Round(speed, 1);
        values[2] = Math.Round(vc, 3);
    }

    private readonly record struct Segment(int AssetIndex, double Capacity, double BaseFlow, double FreeFlowKmh);
}
