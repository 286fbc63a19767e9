namespace CityTwin.Scenarios.Kpis;

/// <summary>
/// The KPIs every scenario reports, per dong, gu and city, as time series and horizon totals.
/// Formulas are in <see cref="KpiMath"/> and docs/models.md §17; thresholds reuse the live status
/// rules (AssetKinds) so "congested" or "in alarm" means the same on the live map and in a scenario.
/// </summary>
public sealed class ScenarioKpiCatalog
{
    private readonly Dictionary<string, ScenarioKpi> _byId;

    public ScenarioKpiCatalog(IReadOnlyList<ScenarioKpi> kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        Kpis = kpis;
        _byId = kpis.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<ScenarioKpi> Kpis { get; }

    public ScenarioKpi? Find(string id) => _byId.GetValueOrDefault(id);

    public static ScenarioKpiCatalog Default { get; } = new(
    [
        new(ScenarioKpiIds.TravelTimeIndex, "Travel-time index", "ratio", "ratio", KpiDirection.LowerIsBetter,
            "Vehicle travel time over free-flow travel time on the modelled roads: Σ flow·length/speed ÷ Σ flow·length/free-flow speed (1 = no delay).",
            "ratio of the sums over the horizon", "Transportation",
            "BPR volume-delay (FHWA, Delay-Volume Relations for Travel Forecasting, ch. 4; Bureau of Public Roads 1964); rain slows traffic up to 10 %"),
        new(ScenarioKpiIds.CongestionHours, "Congestion hours", "roads", "road-h", KpiDirection.LowerIsBetter,
            "Road assets at volume/capacity ≥ 0.85 (the live warning level), counted per step; the total is road-hours.",
            "sum × step hours", "Transportation", "live road status rule (docs/models.md §4)"),
        new(ScenarioKpiIds.VehicleKm, "Vehicle-km", "veh·km/h", "veh·km", KpiDirection.LowerIsBetter,
            "Kilometres driven by the residents' vehicles: the city's registered vehicles × km per vehicle per day (city pack) shaped by the hourly traffic demand, times the change in modelled road traffic.",
            "sum × step hours", "Transportation",
            "the city pack's fleet (registered vehicles, km per vehicle per day) with its sources"),
        new(ScenarioKpiIds.Pm25Mean, "PM2.5 mean", "µg/m³", "µg/m³", KpiDirection.LowerIsBetter,
            "Mean PM2.5 over the area's air stations.",
            "mean over stations and steps", "Environment and climate change", "air model (docs/models.md §5)"),
        new(ScenarioKpiIds.Pm25HoursAbove35, "PM2.5 hours above 35 µg/m³", "stations", "station-h", KpiDirection.LowerIsBetter,
            "Air stations reading more than the city's 24-h PM2.5 standard (35 µg/m³ in Korea), counted per step; the total is station-hours.",
            "sum × step hours", "Environment and climate change", "the city pack's standards.pm25DailyUgM3 (Korea: Framework Act on Environmental Policy)"),
        new(ScenarioKpiIds.No2Mean, "NO2 mean", "ppb", "ppb", KpiDirection.LowerIsBetter,
            "Mean NO2 over the area's air stations.",
            "mean over stations and steps", "Environment and climate change", "air model (docs/models.md §5)"),
        new(ScenarioKpiIds.Co2Tonnes, "CO2 emissions", "t/h", "t", KpiDirection.LowerIsBetter,
            "Electricity CO2 (grid load × the city's grid emission factor) plus exhaust CO2 (combustion vehicle-km × g CO2/km), both from the city pack.",
            "sum × step hours", "Environment and climate change", "see the two components"),
        new(ScenarioKpiIds.Co2ElectricityTonnes, "CO2 from electricity", "t/h", "t", KpiDirection.LowerIsBetter,
            "Grid load (the grid energy balance) × the city's consumption-side grid emission factor (city pack grid.tonnesCo2PerMwh).",
            "sum × step hours", "Environment and climate change",
            "[KR] Ministry of Climate, Energy and Environment, 2023 factor published 17 Dec 2025"),
        new(ScenarioKpiIds.Co2TrafficTonnes, "CO2 from road traffic", "t/h", "t", KpiDirection.LowerIsBetter,
            "Vehicle-km × combustion share of the fleet × 170 g CO2/km (in-use car).",
            "sum × step hours", "Environment and climate change", "the city pack's fleet.combustionGramsCo2PerKm with its source"),
        new(ScenarioKpiIds.PeakLoadMw, "Peak load", "MW", "MW", KpiDirection.LowerIsBetter,
            "Highest grid load of the area: Σ substation load with the scenario's changes in EV charging, rooftop PV, streetlights and demand response.",
            "maximum over the horizon", "Energy", "substation model (docs/models.md §7)"),
        new(ScenarioKpiIds.GridEnergyMwh, "Grid energy", "MW", "MWh", KpiDirection.LowerIsBetter,
            "Energy drawn from the grid: the substations' load (every end use of the served population) plus the scenario's changes in EV charging, rooftop PV (negative), streetlights and demand response.",
            "sum × step hours", "Energy", "substation model (docs/models.md §7)"),
        new(ScenarioKpiIds.SubstationOverloadHours, "Substation overload hours", "substations", "substation-h", KpiDirection.LowerIsBetter,
            "Substations at ≥ 100 % loading (the live alarm level), counted per step; the total is substation-hours.",
            "sum × step hours", "Energy", "live substation status rule (docs/models.md §7)"),
        new(ScenarioKpiIds.RenewableSharePercent, "Renewable share", "%", "%", KpiDirection.HigherIsBetter,
            "Rooftop PV output over the area's consumption (grid energy + PV).",
            "ratio of the sums over the horizon", "Energy", "PV model (docs/models.md §6)"),
        new(ScenarioKpiIds.StreetlightEnergyMwh, "Streetlight energy", "kW", "MWh", KpiDirection.LowerIsBetter,
            "Power of the area's streetlight circuits; the total is energy.",
            "sum × step hours ÷ 1,000", "Energy", "streetlight model (docs/models.md §8)"),
        new(ScenarioKpiIds.FloodAlarmHours, "Flood alarm hours", "sensors", "sensor-h", KpiDirection.LowerIsBetter,
            "Flood sensors at ≥ 30 cm (the live alarm level), counted per step; the total is sensor-hours.",
            "sum × step hours", "Safety", "flood model (docs/models.md §9)"),
        new(ScenarioKpiIds.FloodedPopulation, "People in flooded dongs", "people", "people (peak)", KpiDirection.LowerIsBetter,
            "Residents of dongs where at least one flood sensor is in alarm.",
            "maximum over the horizon", "Safety", "dong population (census per gu, split evenly)"),
        new(ScenarioKpiIds.HeatExposurePersonHours, "Heat exposure", "people", "person-h", KpiDirection.LowerIsBetter,
            "Residents exposed to an air temperature of 33 °C or more (the KMA heatwave-day threshold); the total is person-hours.",
            "sum × step hours", "Health", "the city pack's standards.heatThresholdC (Korea: KMA heatwave day, Tmax ≥ 33 °C)"),
    ]);
}
