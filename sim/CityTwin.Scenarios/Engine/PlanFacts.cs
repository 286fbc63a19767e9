using CityTwin.Scenarios.Catalog;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// The sourced constants the engine, its district plans and the intervention rules use (see
/// <see cref="ScenarioFacts"/> for each figure's source). Everything in the engine reads them from
/// here, so where the figures come from is decided in <see cref="FromScenarioFacts"/> alone.
/// </summary>
internal sealed record PlanFacts(
    double IncheonRegisteredVehicles,
    double CurrentEvShare,
    double KmPerVehiclePerDay,
    double EvKwhPerKm,
    double CombustionGramsCo2PerKm,
    double HeatThresholdC,
    double Pm25StandardUgM3,
    double PvKwpPerM2)
{
    public static PlanFacts FromScenarioFacts() => new(
        ScenarioFacts.IncheonRegisteredVehicles,
        ScenarioFacts.CurrentEvShare,
        ScenarioFacts.KmPerVehiclePerDay,
        ScenarioFacts.EvKwhPerKm,
        ScenarioFacts.CombustionGramsCo2PerKm,
        ScenarioFacts.HeatThresholdC,
        ScenarioFacts.Pm25StandardUgM3,
        ScenarioFacts.PvKwpPerM2);
}
