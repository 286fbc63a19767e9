namespace CityTwin.Scenarios.Kpis;

/// <summary>Ids of the scenario KPIs (lower camel case, as on the wire).</summary>
public static class ScenarioKpiIds
{
    public const string TravelTimeIndex = "travelTimeIndex";
    public const string CongestionHours = "congestionHours";
    public const string VehicleKm = "vehicleKm";
    public const string Pm25Mean = "pm25Mean";
    public const string Pm25HoursAbove35 = "pm25HoursAbove35";
    public const string No2Mean = "no2Mean";
    public const string Co2Tonnes = "co2Tonnes";
    public const string Co2ElectricityTonnes = "co2ElectricityTonnes";
    public const string Co2TrafficTonnes = "co2TrafficTonnes";
    public const string PeakLoadMw = "peakLoadMw";
    public const string GridEnergyMwh = "gridEnergyMwh";
    public const string SubstationOverloadHours = "substationOverloadHours";
    public const string RenewableSharePercent = "renewableSharePercent";
    public const string StreetlightEnergyMwh = "streetlightEnergyMwh";
    public const string FloodAlarmHours = "floodAlarmHours";
    public const string FloodedPopulation = "floodedPopulation";
    public const string HeatExposurePersonHours = "heatExposurePersonHours";
}
