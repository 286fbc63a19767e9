using CityTwin.Model.City;

namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// The city figures the scenario KPIs and interventions use on top of the live models' own
/// parameters, built from the city pack (<see cref="From"/>): each comes from the pack's city.json
/// with its source there. Tags as in docs/models.md: [KR] Korean source, [INTL] international,
/// [derived] our arithmetic, [assumed] our choice.
/// </summary>
/// <param name="GridTonnesCo2PerMwh">Consumption-side grid emission factor, tCO2eq/MWh.</param>
/// <param name="CombustionGramsCo2PerKm">In-use combustion car, g CO2/km.</param>
/// <param name="RegisteredVehicles">Registered vehicles of the city.</param>
/// <param name="ElectricVehicles">Battery EVs among them.</param>
/// <param name="KmPerVehiclePerDay">Kilometres per vehicle per day.</param>
/// <param name="EvKwhPerKm">EV consumption, kWh/km.</param>
/// <param name="HeatThresholdC">A heatwave day reaches this daily maximum, °C.</param>
/// <param name="Pm25StandardUgM3">The 24-h PM2.5 standard, µg/m³.</param>
/// <param name="SodiumToLedSaving">Per-lamp wattage saved by the city's sodium → LED conversions.</param>
public sealed record ScenarioFacts(
    double GridTonnesCo2PerMwh,
    double CombustionGramsCo2PerKm,
    double RegisteredVehicles,
    double ElectricVehicles,
    double KmPerVehiclePerDay,
    double EvKwhPerKm,
    double HeatThresholdC,
    double Pm25StandardUgM3,
    double SodiumToLedSaving)
{
    /// <summary>EV share of the fleet today [derived].</summary>
    public double CurrentEvShare => ElectricVehicles / RegisteredVehicles;

    /// <summary>Panel capacity per m² of usable roof, kWp: the generator's sizing of today's rooftop PV (not a city figure).</summary>
    public double PvKwpPerM2 => 0.18;

    public static ScenarioFacts From(CityPack city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var f = city.Facts;
        return new ScenarioFacts(
            f.GridTonnesCo2PerMwh,
            f.CombustionGramsCo2PerKm,
            f.RegisteredVehicles,
            f.ElectricVehicles,
            f.KmPerVehiclePerDay,
            f.EvKwhPerKm,
            f.HeatThresholdC,
            f.Pm25DailyStandardUgM3,
            1 - f.LedLampW / f.SodiumLampW);
    }
}
