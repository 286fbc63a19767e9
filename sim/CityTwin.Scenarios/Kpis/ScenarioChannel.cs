namespace CityTwin.Scenarios.Kpis;

/// <summary>
/// Additive quantities the engine records per dong and step, for the baseline and the scenario.
/// Every KPI is a function of these (and of the area's inventory), and because they are sums a gu
/// is exactly the sum of its dongs and the city the sum of its gu, in a fixed order.
/// Rates are per hour at the step's instant; totals multiply by the step length.
/// </summary>
public enum ScenarioChannel
{
    /// <summary>Σ flow × length / speed over open road assets, vehicle-hours per hour.</summary>
    CongestedVehicleHours = 0,

    /// <summary>Σ flow × length / free-flow speed over open road assets, vehicle-hours per hour.</summary>
    FreeFlowVehicleHours = 1,

    /// <summary>Road assets at v/c ≥ 0.85 (the live warning rule).</summary>
    CongestedRoads = 2,

    /// <summary>Σ PM2.5 over air stations, µg/m³.</summary>
    Pm25Sum = 3,

    /// <summary>Σ NO2 over air stations, ppb.</summary>
    No2Sum = 4,

    /// <summary>Air stations above 35 µg/m³ PM2.5.</summary>
    Pm25Exceeding = 5,

    /// <summary>Vehicle-km per hour driven by the residents' vehicles.</summary>
    VehicleKm = 6,

    /// <summary>Exhaust CO2 of those vehicle-km, tonnes per hour.</summary>
    TrafficCo2 = 7,

    /// <summary>
    /// Grid load, MW: Σ substation load (every end use of the served population, top-down) plus the
    /// scenario's changes in end use (added EV charging, new rooftop PV as a negative load, streetlights,
    /// demand response); see docs/models.md §16.1.
    /// </summary>
    GridLoadMw = 8,

    /// <summary>Rooftop PV output (existing and new panels), MW.</summary>
    PvMw = 9,

    /// <summary>Substations at ≥ 100 % loading (the live alarm rule).</summary>
    OverloadedSubstations = 10,

    /// <summary>Σ streetlight power, kW.</summary>
    StreetlightKw = 11,

    /// <summary>Flood sensors at ≥ 30 cm (the live alarm rule).</summary>
    FloodAlarmSensors = 12,

    /// <summary>Residents of dongs with at least one flood sensor in alarm.</summary>
    FloodedPopulation = 13,

    /// <summary>Residents exposed to an air temperature of 33 °C or more.</summary>
    HeatExposedPopulation = 14,
}
