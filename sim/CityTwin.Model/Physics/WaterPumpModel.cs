using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// Pumping stations: values [flow_m3h, pressure_bar].
/// <para>Supply pumps: flow = capacity × 0.5 × site factor × water-demand profile (morning peak
/// 07–09 h, evening 18–21 h, night trough) × season (+8 % in midsummer) × noise, at most the
/// capacity. pressure = nominal − k·(flow/capacity)² with k = 25 % of nominal: the pump curve
/// and pipe friction both lose head with the square of flow. Rare seeded low-pressure events
/// (a main break or pump trip: 0.8 % chance per pump per day, 1–4 h, 1.2–1.9 bar) exercise the
/// warning (≤ 2.0 bar) and alarm (≤ 1.5 bar) rules.</para>
/// <para>Drainage pumps run with rain: flow = capacity × (mean rain of the last hour / 30 mm/h),
/// at most the capacity, zero when dry. Their pressure is the force-main pressure, held by the
/// check valve at standby, so k = 20 % and an idle drainage pump reads its nominal pressure.</para>
/// The profile and event rates are assumptions (typical of Korean supply networks, not sourced).
/// </summary>
public sealed class WaterPumpModel
{
    public const double LowPressureChancePerDay = 0.008;

    /// <summary>Rain (mm/h, mean of the last hour) at which a drainage pump reaches its capacity.</summary>
    public const double DrainageFullRainMmH = 30;

    public static DailyProfile SupplyProfile { get; } = DailyProfile.SameEveryDay(
        [0.55, 0.45, 0.40, 0.40, 0.45, 0.65, 1.05, 1.45, 1.50, 1.30, 1.15, 1.10, 1.10, 1.05, 1.00, 1.00, 1.05, 1.15, 1.30, 1.35, 1.30, 1.15, 0.95, 0.75]);

    private readonly int _seed;
    private readonly List<Pump> _pumps = [];

    public WaterPumpModel(int seed) => _seed = seed;

    public int Count => _pumps.Count;

    public int Add(int assetIndex, WaterPumpSpec spec)
    {
        var factor = 0.8 + 0.4 * SeededRandom.Uniform(_seed, RandomStream.PumpFactor, assetIndex);
        _pumps.Add(new Pump(assetIndex, Math.Max(1, spec.CapacityM3h), Math.Max(0, spec.NominalBar), spec.Drainage, factor));
        return _pumps.Count - 1;
    }

    /// <summary>Pressure after the low-pressure event of the day (or of yesterday, running past midnight), if one is active.</summary>
    public double LowPressureCap(int assetIndex, double localDays)
    {
        var today = (long)Math.Floor(localDays);
        var cap = double.PositiveInfinity;
        for (var day = today - 1; day <= today; day++)
        {
            if (SeededRandom.Uniform(_seed, RandomStream.PumpLowPressure, assetIndex, day, 0) >= LowPressureChancePerDay) continue;
            var start = day + SeededRandom.Uniform(_seed, RandomStream.PumpLowPressure, assetIndex, day, 1);
            var hours = 1 + 3 * SeededRandom.Uniform(_seed, RandomStream.PumpLowPressure, assetIndex, day, 2);
            if (localDays >= start && localDays < start + hours / 24)
                cap = Math.Min(cap, 1.2 + 0.7 * SeededRandom.Uniform(_seed, RandomStream.PumpLowPressure, assetIndex, day, 3));
        }
        return cap;
    }

    public void Evaluate(int slot, CityConditions c, Span<double> values)
    {
        var p = _pumps[slot];
        double flow, pressure;
        if (p.Drainage)
        {
            var lastHour = FloodModel.RecentRainMmH(c.RainHistoryMmH, 60);
            flow = p.CapacityM3h * Math.Min(1, lastHour / DrainageFullRainMmH);
            var x = flow / p.CapacityM3h;
            pressure = p.NominalBar * (1 - 0.20 * x * x);
        }
        else
        {
            // Demand peaks in high summer, about 190 days after midwinter (late July in the north).
            var season = 1 + 0.08 * Math.Cos(2 * Math.PI * (c.LocalTime.DayOfYear - (c.MidwinterDayOfYear + 190)) / 365.25);
            var noise = 1 + 0.04 * SeededRandom.SmoothSigned(_seed, RandomStream.PumpNoise, p.AssetIndex, c.LocalDays * 96);
            flow = Math.Min(p.CapacityM3h, p.CapacityM3h * 0.5 * p.Factor * SupplyProfile.At(c.LocalTime.DayOfWeek, c.LocalHour) * season * noise);
            var x = flow / p.CapacityM3h;
            pressure = Math.Min(p.NominalBar * (1 - 0.25 * x * x), LowPressureCap(p.AssetIndex, c.LocalDays));
        }
        values[0] = Math.Round(flow, 1);
        values[1] = Math.Round(pressure, 2);
    }

    private readonly record struct Pump(int AssetIndex, double CapacityM3h, double NominalBar, bool Drainage, double Factor);
}
