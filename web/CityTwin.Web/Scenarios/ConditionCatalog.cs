using CityTwin.Scenarios.Definitions;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// The weather conditions a planner can impose, as catalogue entries with parameters (the engine
/// takes them as typed fields; the API and UI treat them like interventions).
/// </summary>
public static class ConditionCatalog
{
    public const string TemperatureOffset = "temperature-offset";
    public const string Heatwave = "heatwave";
    public const string HeavyRain = "heavy-rain";

    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        new(TemperatureOffset, "Temperature offset", "Adds a constant offset to the seeded temperature over the whole horizon.", [],
        [
            new("offsetC", "offsetC", "°C", 2, -ScenarioLimits.MaxTemperatureOffsetC, ScenarioLimits.MaxTemperatureOffsetC, "Degrees added to every hour (negative cools)"),
        ]),
        new(Heatwave, "Heatwave", "A heat event: temperature rises to the peak above normal and back, over its duration.", [],
        [
            new("startHours", "startHours", "h", 0, 0, ScenarioLimits.MaxHorizon.TotalHours, "Hours after the scenario start"),
            new("durationHours", "durationHours", "h", 24, 1, ScenarioLimits.MaxHeatwaveDuration.TotalHours, "How long the heat lasts"),
            new("peakC", "peakC", "°C", 6, 0.5, ScenarioLimits.MaxHeatwavePeakC, "Peak rise above the normal temperature"),
        ]),
        new(HeavyRain, "Heavy rain", "A rain event at a constant intensity (Korea's heavy-rain warning starts at 30 mm/h).", [],
        [
            new("startHours", "startHours", "h", 2, 0, ScenarioLimits.MaxHorizon.TotalHours, "Hours after the scenario start"),
            new("durationHours", "durationHours", "h", 3, 0.5, ScenarioLimits.MaxRainDuration.TotalHours, "How long it rains"),
            new("rainMmH", "rainMmH", "mm/h", 80, 1, ScenarioLimits.MaxRainMmH, "Rain intensity"),
        ]),
    ];

    public static CatalogEntry? Find(string? type) => Entries.FirstOrDefault(e => e.Type == type);
}
