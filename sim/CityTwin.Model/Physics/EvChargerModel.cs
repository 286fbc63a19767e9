using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// EV charging sites: values [power_kw, ports_busy].
/// <para>Each port is independently busy with an hour-dependent probability × a site popularity
/// factor, drawn once per session slot (slow: 3 h slots, fast: 45 min), so a plugged car stays
/// plugged. Slow (7 kW) chargers sit at homes and are busiest overnight (a slow charge averages
/// 9.8 h); fast (100–200 kW) chargers serve daytime top-ups.</para>
/// <para>power = Σ busy ports × port kW × taper. DC fast charging tapers as the battery fills
/// (45–95 % of rating); 30 % of cars on slow chargers have finished and draw nothing.</para>
/// Occupancy levels are assumptions (no utilisation data found); 1.64 EVs per charger
/// nationally (KAMA/MOLIT 2024) suggests high night-time occupancy of home chargers.
/// </summary>
public sealed class EvChargerModel
{
    public static IReadOnlyList<double> SlowBusy { get; } =
        [0.62, 0.64, 0.65, 0.65, 0.64, 0.60, 0.50, 0.38, 0.25, 0.18, 0.15, 0.15, 0.15, 0.15, 0.15, 0.16, 0.18, 0.22, 0.30, 0.40, 0.48, 0.54, 0.58, 0.60];

    public static IReadOnlyList<double> FastBusy { get; } =
        [0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.08, 0.18, 0.30, 0.35, 0.38, 0.42, 0.45, 0.45, 0.45, 0.45, 0.48, 0.50, 0.50, 0.45, 0.38, 0.30, 0.20, 0.10];

    private readonly int _seed;
    private readonly List<Site> _sites = [];

    public EvChargerModel(int seed) => _seed = seed;

    public int Count => _sites.Count;

    public int Add(int assetIndex, EvChargerSpec spec)
    {
        var popularity = Math.Clamp(Math.Exp(0.3 * SeededRandom.Normal(_seed, RandomStream.EvSite, assetIndex)), 0.4, 1.5);
        _sites.Add(new Site(assetIndex, Math.Max(0, spec.Ports), Math.Max(0, spec.PortKw), spec.Fast, popularity));
        return _sites.Count - 1;
    }

    public static double BusyProbability(bool fast, double localHour)
    {
        var table = fast ? FastBusy : SlowBusy;
        var x = localHour - 0.5;
        var i = (int)Math.Floor(x);
        var f = x - i;
        var a = table[(i + 24) % 24];
        var b = table[(i + 25) % 24];
        return a + (b - a) * f;
    }

    public void Evaluate(int slot, CityConditions c, Span<double> values)
    {
        var s = _sites[slot];
        var p = Math.Min(0.95, BusyProbability(s.Fast, c.LocalHour) * s.Popularity);
        var slotHours = s.Fast ? 0.75 : 3.0;
        var hours = c.LocalDays * 24;
        var busy = 0;
        var power = 0.0;
        for (var port = 0; port < s.Ports; port++)
        {
            // Each port's session grid is shifted by its own phase so ports do not flip together.
            var phase = SeededRandom.Uniform(_seed, RandomStream.EvPort, s.AssetIndex, port, -1) * slotHours;
            var session = (long)Math.Floor((hours + phase) / slotHours);
            if (SeededRandom.Uniform(_seed, RandomStream.EvPort, s.AssetIndex, port, session) >= p) continue;
            busy++;
            var u = SeededRandom.Uniform(_seed, RandomStream.EvTaper, s.AssetIndex, port, session);
            power += s.PortKw * (s.Fast ? 0.45 + 0.5 * u : u < 0.3 ? 0 : 0.95);
        }
        values[0] = Math.Round(power, 2);
        values[1] = busy;
    }

    private readonly record struct Site(int AssetIndex, int Ports, double PortKw, bool Fast, double Popularity);
}
