using CityTwin.Model.Generation;
using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// Buildings: values [load_kw, pv_kw, demand_pct].
/// <para>load = floor area × EUI / 8,760 h × occupancy profile(use, hour, weekday) × temperature
/// factor / weather normalisation × building factor × noise. EUI: MOLIT 2024 medians for the
/// central region, apartments 136 and offices 159 kWh/m²·yr (other uses are
/// estimates kept in <see cref="BuildingFactory.EuiKwhPerM2"/> so the generator's design peak and
/// this model agree). Profiles average 1 over a week, so an average year uses area × EUI.</para>
/// <para>Temperature factor = 1 + 3 %/°C above 24 °C (cooling) + 1.5 %/°C below 15 °C (heating).
/// KEPCO finds +1 °C adds ≈1 % of the national peak and KPX puts cooling at ≈23 % of the summer
/// peak; the national figure includes industry that does not respond to weather,
/// so a building responds more: at a 33 °C afternoon the 3 %/°C slope adds 27 %, i.e. cooling is
/// ≈21 % of that load, matching KPX. Heating is mostly gas (ondol, district heat) in Korea, hence
/// half the slope. Dividing by <see cref="WeatherNormalisation"/> keeps annual kWh = area × EUI.</para>
/// <para>pv = kWp × clear-sky GHI / 1,000 × (1 − 0.75·cloud) × <see cref="PvPerformance"/>, calibrated
/// to ≈1,300 kWh/kWp·yr (rooftop PV yield in Korea 1,290–1,380).</para>
/// <para>demand_pct = max(0, load − pv) / design peak × 100.</para>
/// </summary>
public sealed class BuildingEnergyModel
{
    public const double CoolingBaseC = 24;
    public const double CoolingPerDegree = 0.03;
    public const double HeatingBaseC = 15;
    public const double HeatingPerDegree = 0.015;

    /// <summary>Mean of the temperature factor over the seeded year of the default city (measured over 2023–2025 with several seeds).</summary>
    public const double WeatherNormalisation = 1.09;

    /// <summary>Tilt gain × performance ratio, calibrated so the annual yield is ≈1,300 kWh/kWp.</summary>
    public const double PvPerformance = 1.08;

    private static readonly DailyProfile Residential = new(
        [0.75, 0.65, 0.60, 0.58, 0.58, 0.65, 0.85, 1.05, 1.00, 0.85, 0.80, 0.80, 0.85, 0.82, 0.80, 0.82, 0.90, 1.05, 1.30, 1.50, 1.60, 1.55, 1.35, 1.00],
        [0.80, 0.70, 0.62, 0.60, 0.60, 0.62, 0.70, 0.85, 1.00, 1.05, 1.05, 1.10, 1.15, 1.10, 1.05, 1.05, 1.10, 1.20, 1.40, 1.55, 1.60, 1.50, 1.30, 1.00]);

    private static readonly DailyProfile Office = new(
        [0.49, 0.48, 0.48, 0.48, 0.48, 0.50, 0.60, 0.89, 1.36, 1.55, 1.58, 1.58, 1.47, 1.58, 1.62, 1.62, 1.58, 1.47, 1.18, 0.89, 0.75, 0.64, 0.57, 0.52],
        [0.48, 0.48, 0.48, 0.48, 0.48, 0.48, 0.49, 0.52, 0.54, 0.57, 0.59, 0.59, 0.59, 0.59, 0.59, 0.57, 0.54, 0.53, 0.52, 0.50, 0.49, 0.49, 0.48, 0.48]);

    private static readonly DailyProfile Commercial = new(
        [0.30, 0.28, 0.28, 0.28, 0.28, 0.30, 0.38, 0.55, 0.80, 1.10, 1.45, 1.60, 1.65, 1.65, 1.65, 1.65, 1.65, 1.65, 1.65, 1.60, 1.50, 1.20, 0.80, 0.45],
        [0.32, 0.30, 0.30, 0.30, 0.30, 0.32, 0.40, 0.55, 0.85, 1.20, 1.60, 1.75, 1.80, 1.80, 1.80, 1.80, 1.80, 1.80, 1.80, 1.75, 1.60, 1.25, 0.85, 0.48]);

    private static readonly DailyProfile Education = new(
        [0.49, 0.49, 0.49, 0.49, 0.49, 0.50, 0.55, 0.68, 1.23, 1.47, 1.47, 1.47, 1.41, 1.47, 1.47, 1.47, 1.29, 1.04, 0.80, 0.68, 0.58, 0.55, 0.52, 0.50],
        [0.49, 0.49, 0.49, 0.49, 0.49, 0.49, 0.50, 0.52, 0.55, 0.58, 0.58, 0.58, 0.58, 0.58, 0.58, 0.58, 0.55, 0.52, 0.51, 0.50, 0.50, 0.49, 0.49, 0.49]);

    private static readonly DailyProfile Public = new(
        [0.45, 0.45, 0.45, 0.45, 0.45, 0.48, 0.60, 0.90, 1.40, 1.60, 1.60, 1.60, 1.50, 1.60, 1.60, 1.60, 1.55, 1.40, 1.10, 0.85, 0.70, 0.60, 0.50, 0.47],
        [0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.48, 0.55, 0.65, 0.70, 0.70, 0.70, 0.70, 0.70, 0.70, 0.70, 0.65, 0.60, 0.55, 0.50, 0.48, 0.46, 0.45, 0.45]);

    private static readonly DailyProfile Industrial = new(
        [0.80, 0.80, 0.80, 0.80, 0.80, 0.85, 0.95, 1.15, 1.25, 1.25, 1.25, 1.25, 1.15, 1.25, 1.25, 1.25, 1.25, 1.15, 1.00, 0.90, 0.85, 0.85, 0.80, 0.80],
        [0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.78, 0.80, 0.80, 0.80, 0.80, 0.80, 0.80, 0.80, 0.80, 0.80, 0.78, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75]);

    private readonly int _seed;
    private readonly List<Building> _buildings = [];

    public BuildingEnergyModel(int seed) => _seed = seed;

    public int Count => _buildings.Count;

    public static DailyProfile ProfileOf(BuildingUse use) => use switch
    {
        BuildingUse.Residential => Residential,
        BuildingUse.Office => Office,
        BuildingUse.Commercial => Commercial,
        BuildingUse.Education => Education,
        BuildingUse.Public => Public,
        BuildingUse.Industrial => Industrial,
        _ => Public,
    };

    /// <summary>Temperature factor before normalisation (1 in the 15–24 °C comfort band).</summary>
    public static double TemperatureFactor(double temperatureC) =>
        1 + CoolingPerDegree * Math.Max(0, temperatureC - CoolingBaseC) + HeatingPerDegree * Math.Max(0, HeatingBaseC - temperatureC);

    /// <summary>PV output per kWp, kW, from the sun's elevation and the cloud cover.</summary>
    public static double PvPerKwp(double clearSkyGhiWm2, double cloudCover) =>
        clearSkyGhiWm2 / 1000 * (1 - 0.75 * Math.Clamp(cloudCover, 0, 1)) * PvPerformance;

    public int Add(int assetIndex, BuildingSpec spec)
    {
        // Buildings scatter around the median EUI (lognormal, σ = 0.10). The scatter is kept modest
        // because the design peak of the spec was sized from the same median: a building that uses
        // more than the median usually has a bigger connection too.
        var factor = Math.Clamp(Math.Exp(0.10 * SeededRandom.Normal(_seed, RandomStream.BuildingFactor, assetIndex)), 0.75, 1.35);
        var meanKw = Math.Max(0, spec.FloorAreaM2) * BuildingFactory.EuiKwhPerM2(spec.Use) / 8760 * factor / WeatherNormalisation;
        _buildings.Add(new Building(assetIndex, ProfileOf(spec.Use), meanKw, Math.Max(0, spec.PvKwp), spec.DesignPeakKw > 0 ? spec.DesignPeakKw : 1));
        return _buildings.Count - 1;
    }

    public void Evaluate(int slot, CityConditions c, Span<double> values) => Evaluate(slot, c, 0, values);

    /// <summary>What-if hook: <paramref name="addedPvKwp"/> of new rooftop panels on top of the building's own. 0 gives the live values.</summary>
    public void Evaluate(int slot, CityConditions c, double addedPvKwp, Span<double> values)
    {
        var b = _buildings[slot];
        var noise = 1 + 0.04 * SeededRandom.SmoothSigned(_seed, RandomStream.BuildingNoise, b.AssetIndex, c.LocalDays * 96);
        var load = b.MeanKw * b.Profile.At(c.LocalTime.DayOfWeek, c.LocalHour) * TemperatureFactor(c.Weather.TemperatureC) * noise;
        var pv = (b.PvKwp + addedPvKwp) * PvPerKwp(c.ClearSkyGhiWm2, c.Weather.CloudCover);
        values[0] = Math.Round(load, 2);
        values[1] = Math.Round(pv, 2);
        values[2] = Math.Round(Math.Max(0, load - pv) / b.DesignPeakKw * 100, 1);
    }

    private readonly record struct Building(int AssetIndex, DailyProfile Profile, double MeanKw, double PvKwp, double DesignPeakKw);
}
