using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// Distribution substations: values [load_mw, loading_pct].
/// <para>load = served population × 1.18 kW × grid profile(hour, weekday) × temperature factor /
/// weather normalisation × site factor × noise; loading = load / capacity × 100.
/// 1.18 kW is 10,330 kWh per person-year (KEPCO 2021) / 8,760 h.</para>
/// <para>The grid profile has its evening peak at 17–19 h: the summer system peak moved there
/// from 16–17 h (95.6 GW at 18 h on 19 Aug 2024, KPX).</para>
/// <para>Temperature factor = 1 + 2.5 %/°C above 22 °C + 0.8 %/°C below 10 °C. KPX gives
/// 0.5–2.0 GW per °C on a ~90 GW peak (0.6–2.2 %/°C) and KEPCO ≈1 %/°C of peak per °C of daily
/// maximum (KEPCO/KPX); the slope here is at the top of that range because a residential
/// feeder is more weather-sensitive than the national mix, and it reproduces cooling ≈ 23 % of the
/// summer peak. Korea's winter peak (electric heaters) is why there is a heating slope at all.</para>
/// Together with the generator's sizing (capacity = population × 1.18 kW × 1.5 × margin 1.05–1.6)
/// an ordinary hot weekday evening puts the tightest substations above 80 % and a heatwave
/// evening pushes a few past 100 %.
/// </summary>
public sealed class SubstationModel
{
    public const double KwPerPerson = 10_330.0 / 8760;
    public const double CoolingBaseC = 22;
    public const double CoolingPerDegree = 0.025;
    public const double HeatingBaseC = 10;
    public const double HeatingPerDegree = 0.008;

    /// <summary>Mean of the temperature factor over the seeded year of the default city.</summary>
    public const double WeatherNormalisation = 1.045;

    /// <summary>System-load shape: night trough ~0.77 at 04 h, daytime plateau, evening peak 17–19 h; weekends ~12 % lower.</summary>
    public static DailyProfile GridProfile { get; } = new(
        [0.86, 0.82, 0.79, 0.77, 0.76, 0.77, 0.82, 0.90, 1.00, 1.07, 1.10, 1.11, 1.04, 1.08, 1.11, 1.12, 1.13, 1.17, 1.18, 1.13, 1.07, 1.03, 0.98, 0.92],
        [0.80, 0.76, 0.73, 0.71, 0.70, 0.70, 0.73, 0.78, 0.85, 0.92, 0.96, 0.98, 0.97, 0.97, 0.97, 0.98, 1.00, 1.04, 1.06, 1.03, 0.98, 0.94, 0.89, 0.84]);

    private readonly int _seed;
    private readonly List<Station> _stations = [];

    public SubstationModel(int seed) => _seed = seed;

    public int Count => _stations.Count;

    public static double TemperatureFactor(double temperatureC) =>
        1 + CoolingPerDegree * Math.Max(0, temperatureC - CoolingBaseC) + HeatingPerDegree * Math.Max(0, HeatingBaseC - temperatureC);

    public int Add(int assetIndex, SubstationSpec spec)
    {
        // Feeders differ in their mix of homes, shops and small industry: ±~6 % around the mean.
        var factor = Math.Clamp(Math.Exp(0.06 * SeededRandom.Normal(_seed, RandomStream.SubstationFactor, assetIndex)), 0.85, 1.2);
        var meanMw = Math.Max(0, spec.ServedPopulation) * KwPerPerson / 1000 * factor / WeatherNormalisation;
        _stations.Add(new Station(assetIndex, meanMw, spec.CapacityMw > 0 ? spec.CapacityMw : 1));
        return _stations.Count - 1;
    }

    public void Evaluate(int slot, CityConditions c, Span<double> values) => Evaluate(slot, c, 1, 0, 0, values);

    /// <summary>
    /// What-if hook: load = model load × <paramref name="loadFactor"/> (demand response) +
    /// <paramref name="extraLoadMw"/> (EV charging added, rooftop PV netted off, possibly negative),
    /// against the capacity plus <paramref name="extraCapacityMw"/> (new transformers). Reverse power
    /// flow loads a transformer as much as forward flow, hence the absolute value in the loading.
    /// 1, 0, 0 give the live values.
    /// </summary>
    public void Evaluate(int slot, CityConditions c, double loadFactor, double extraLoadMw, double extraCapacityMw, Span<double> values)
    {
        var s = _stations[slot];
        var noise = 1 + 0.02 * SeededRandom.SmoothSigned(_seed, RandomStream.SubstationNoise, s.AssetIndex, c.LocalDays * 96);
        var load = s.MeanMw * GridProfile.At(c.LocalTime.DayOfWeek, c.LocalHour) * TemperatureFactor(c.Weather.TemperatureC) * noise * loadFactor + extraLoadMw;
        values[0] = Math.Round(load, 3);
        values[1] = Math.Round(Math.Abs(load) / (s.CapacityMw + extraCapacityMw) * 100, 1);
    }

    private readonly record struct Station(int AssetIndex, double MeanMw, double CapacityMw);
}
