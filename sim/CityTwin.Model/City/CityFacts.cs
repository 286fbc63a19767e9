namespace CityTwin.Model.City;

/// <summary>
/// A city's own figures beyond its climate: vehicle fleet, grid carbon intensity, the standards
/// its KPIs count against and its streetlight conversion. Each comes from the manifest with its
/// source; the scenario engine turns them into its ScenarioFacts.
/// </summary>
/// <param name="RegisteredVehicles">Registered motor vehicles.</param>
/// <param name="ElectricVehicles">Battery EVs among them.</param>
/// <param name="KmPerVehiclePerDay">Kilometres driven per vehicle per day.</param>
/// <param name="EvKwhPerKm">EV consumption, kWh/km.</param>
/// <param name="CombustionGramsCo2PerKm">In-use combustion car, g CO2/km.</param>
/// <param name="GridTonnesCo2PerMwh">Consumption-side grid emission factor, tCO2eq/MWh.</param>
/// <param name="Pm25DailyStandardUgM3">24-hour PM2.5 standard, µg/m³.</param>
/// <param name="HeatThresholdC">Daily maximum from which a day counts as a heatwave day, °C.</param>
/// <param name="SodiumLampW">Wattage of the sodium street lamps being replaced, W.</param>
/// <param name="LedLampW">Wattage of the LED lamps replacing them, W.</param>
public sealed record CityFacts(
    double RegisteredVehicles,
    double ElectricVehicles,
    double KmPerVehiclePerDay,
    double EvKwhPerKm,
    double CombustionGramsCo2PerKm,
    double GridTonnesCo2PerMwh,
    double Pm25DailyStandardUgM3,
    double HeatThresholdC,
    double SodiumLampW,
    double LedLampW);
