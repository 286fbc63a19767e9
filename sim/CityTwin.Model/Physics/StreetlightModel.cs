using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// Streetlight circuits: values [power_kw, lit_pct, lamps_out].
/// <para>Lights follow an astronomical clock: on while the sun's centre is below −0.833° (after
/// apparent sunset, before apparent sunrise, NOAA equations); lit_pct is 100 when
/// on and 0 when off; power = installed kW × lit_pct / 100. Installed kW comes from the spec's lamp
/// mix (150 W LED replacing 400 W sodium, 77 % LED in 2023 in the default city; Incheon City 2019 and 2023).</para>
/// <para>Lamp failures: each circuit has a 1.5 % chance per day of a fault taking out 1–6 lamps
/// (half of faults are a single lamp, one in ten a feeder section of 5–6), repaired after 1–7
/// days. About 6 % of circuits have a lamp out at any time, ~3 % two or more (warning) and
/// under 1 % five or more (alarm). These rates are assumptions, not statistics of the default city.</para>
/// </summary>
public sealed class StreetlightModel
{
    public const double FaultChancePerDay = 0.015;
    private const int MaxRepairDays = 7;

    private readonly int _seed;
    private readonly List<Circuit> _circuits = [];

    public StreetlightModel(int seed) => _seed = seed;

    public int Count => _circuits.Count;

    public int Add(int assetIndex, StreetlightSpec spec)
    {
        _circuits.Add(new Circuit(assetIndex, Math.Max(0, spec.Lamps), Math.Max(0, spec.InstalledKw)));
        return _circuits.Count - 1;
    }

    /// <summary>Lamps out on a circuit at a continuous local time (days since the epoch).</summary>
    public int LampsOut(int slot, double localDays)
    {
        var circuit = _circuits[slot];
        var today = (long)Math.Floor(localDays);
        var total = 0;
        for (var day = today - MaxRepairDays; day <= today; day++)
        {
            if (SeededRandom.Uniform(_seed, RandomStream.StreetlightFault, circuit.AssetIndex, day, 0) >= FaultChancePerDay) continue;
            var start = day + SeededRandom.Uniform(_seed, RandomStream.StreetlightFault, circuit.AssetIndex, day, 1);
            var repairDays = 1 + (MaxRepairDays - 1) * SeededRandom.Uniform(_seed, RandomStream.StreetlightFault, circuit.AssetIndex, day, 2);
            if (localDays < start || localDays >= start + repairDays) continue;
            var u = SeededRandom.Uniform(_seed, RandomStream.StreetlightFault, circuit.AssetIndex, day, 3);
            total += u < 0.5 ? 1 : u < 0.75 ? 2 : u < 0.85 ? 3 : u < 0.9 ? 4 : u < 0.95 ? 5 : 6;
        }
        return Math.Min(total, circuit.Lamps);
    }

    public void Evaluate(int slot, CityConditions c, Span<double> values) => Evaluate(slot, c, 1, 1, values);

    /// <summary>
    /// What-if hook: <paramref name="wattFactor"/> scales the installed power (sodium lamps replaced
    /// by LEDs give the same light for fewer watts) and <paramref name="outputFactor"/> the light
    /// output while lit (dimming; LED power follows output). 1, 1 give the live values.
    /// </summary>
    public void Evaluate(int slot, CityConditions c, double wattFactor, double outputFactor, Span<double> values)
    {
        var lit = LitPercent(c, outputFactor);
        values[0] = Math.Round(PowerKw(slot, c, wattFactor, outputFactor), 2);
        values[1] = lit;
        values[2] = LampsOut(slot, c.LocalDays);
    }

    /// <summary>Power drawn by a circuit, kW, unrounded: the sum a scenario integrates into energy.</summary>
    public double PowerKw(int slot, CityConditions c, double wattFactor, double outputFactor) =>
        _circuits[slot].InstalledKw * wattFactor * LitPercent(c, outputFactor) / 100;

    private static double LitPercent(CityConditions c, double outputFactor) => (c.IsDark ? 100.0 : 0.0) * outputFactor;

    private readonly record struct Circuit(int AssetIndex, int Lamps, double InstalledKw);
}
