namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// Bounds a definition must respect. The step count bounds memory: every dong keeps its KPI channels
/// for both runs at every step (about 240 bytes per dong and step, ~105 MB for the whole city at the maximum).
/// </summary>
public static class ScenarioLimits
{
    public static readonly TimeSpan MinHorizon = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(7);
    public static readonly TimeSpan MinStep = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxStep = TimeSpan.FromMinutes(60);

    /// <summary>Two days at 1-minute steps, or seven days at 4-minute steps.</summary>
    public const int MaxSteps = 2880;

    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2000;
    public const int MaxInterventions = 50;
    public const int MaxAssetIds = 5000;
    public const int MaxPolygonPoints = 1000;
    public const int MaxTemperatureOffsetPoints = 1000;

    /// <summary>Offsets stay within what the models were calibrated for (the default city's record is 38.9 °C).</summary>
    public const double MaxTemperatureOffsetC = 15;

    public const double MaxHeatwavePeakC = 12;
    public static readonly TimeSpan MaxHeatwaveDuration = TimeSpan.FromDays(14);

    /// <summary>Above the Korean record of 141.5 mm/h (Dongjak, 8 Aug 2022; KMA).</summary>
    public const double MaxRainMmH = 150;

    public static readonly TimeSpan MaxRainDuration = TimeSpan.FromHours(72);

    /// <summary>A run repeats over at most this many seeds (its uncertainty band).</summary>
    public const int MaxSeeds = 50;

    /// <summary>
    /// Seeds × steps: every seed's districts come back to the scenario grain at once, so this bounds
    /// its memory (20 seeds of a day at 1-minute steps is 28,800: too many; at 5-minute steps, 5,760).
    /// </summary>
    public const int MaxSeedSteps = 20_000;

    public const double MaxTariffPerKwh = 10_000;
    public const double MaxCarbonPricePerTonne = 10_000_000;
    public const double MaxDiscountRatePercent = 30;
    public const int MaxAppraisalYears = 100;

    public const int MinYear = 2000;
    public const int MaxYear = 2100;
}
