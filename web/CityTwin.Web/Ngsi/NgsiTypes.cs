using CityTwin.Abstractions.Assets;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// The Smart Data Models types this twin maps its assets, areas' KPIs, weather and alarms to, and the
/// attribute names shared by every type (Smart Data Models common terms and the twin's own).
/// Buildings and substations have no model that fits their readings and are not served.
/// </summary>
public static class NgsiTypes
{
    public const string Location = "location";

    public static readonly NgsiType Streetlight = new("Streetlight", "dataModel.Streetlighting", "streetlight circuits",
        ["status", "powerState", "powerConsumption", "illuminanceLevel", "circuit"]);

    public static readonly NgsiType TrafficFlowObserved = new("TrafficFlowObserved", "dataModel.Transportation", "traffic detectors and road segments",
        ["intensity", "averageVehicleSpeed", "congested", "dateObservedFrom", "dateObservedTo"]);

    public static readonly NgsiType AirQualityObserved = new("AirQualityObserved", "dataModel.Environment", "air-quality stations",
        ["pm25", "pm10", "no2", "typeofLocation"]);

    public static readonly NgsiType FloodMonitoring = new("FloodMonitoring", "dataModel.Environment", "flood sensors",
        ["currentLevel", "alertLevel", "dangerLevel", "floodLevelStatus", "observationDateTime", "precipitation"]);

    public static readonly NgsiType WaterObserved = new("WaterObserved", "dataModel.Environment", "water pumps",
        ["flow"]);

    public static readonly NgsiType EvChargingStation = new("EVChargingStation", "dataModel.Transportation", "EV charging sites",
        ["capacity", "availableCapacity", "socketType", "allowedVehicleType", "powerConsumption", "status"]);

    public static readonly NgsiType WeatherObserved = new("WeatherObserved", "dataModel.Weather", "the city's weather (the models' conditions)",
        ["temperature", "precipitation", "dateObservedFrom", "dateObservedTo"]);

    public static readonly NgsiType KeyPerformanceIndicator = new("KeyPerformanceIndicator", "dataModel.KeyPerformanceIndicator", "KPIs of the city, every gu and every dong",
        ["category", "kpiValue", "calculationPeriod", "calculationMethod", "calculationFrequency", "organization", "process", "area", "updatedAt"]);

    public static readonly NgsiType Alert = new("Alert", "dataModel.Alert", "open alarms",
        ["category", "subCategory", "alertSource", "dateIssued", "validFrom", "validTo", "severity"]);

    public static IReadOnlyList<NgsiType> All { get; } =
        [Streetlight, TrafficFlowObserved, AirQualityObserved, FloodMonitoring, WaterObserved, EvChargingStation, WeatherObserved, KeyPerformanceIndicator, Alert];

    /// <summary>Smart Data Models terms common to every model (their IRIs sit under smartdatamodels.org directly).</summary>
    public static IReadOnlyList<string> CommonTerms { get; } = ["name", "description", "dateObserved", "areaServed", "address"];

    /// <summary>The twin's own attributes, beside the models' (in the twin's vocabulary).</summary>
    public static IReadOnlyList<string> TwinTerms { get; } =
    [
        "twinStatus", "assetKind", "guCode", "dongCode", "synthetic", "volumeCapacityRatio", "lampsOut", "pressure",
        "areaLevel", "areaCode", "kpiName", "service", "alarmState", "occurrences", "ruleId",
    ];

    public const string TwinVocabulary = "urn:citytwin:vocab:";

    /// <summary>The type an asset kind is served as, or null when no model fits.</summary>
    public static NgsiType? OfKind(AssetKind kind) => kind switch
    {
        AssetKind.StreetlightCircuit => Streetlight,
        AssetKind.TrafficDetector or AssetKind.RoadSegment => TrafficFlowObserved,
        AssetKind.AirQualityStation => AirQualityObserved,
        AssetKind.FloodSensor => FloodMonitoring,
        AssetKind.WaterPump => WaterObserved,
        AssetKind.EvCharger => EvChargingStation,
        _ => null,
    };

    /// <summary>A type by its short name or its full IRI, or null.</summary>
    public static NgsiType? Find(string nameOrIri) =>
        All.FirstOrDefault(t => string.Equals(t.Name, nameOrIri, StringComparison.Ordinal) || string.Equals(t.Iri, nameOrIri, StringComparison.Ordinal));
}
