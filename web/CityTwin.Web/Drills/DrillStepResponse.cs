using CityTwin.Abstractions.Alarms;

namespace CityTwin.Web.Drills;

/// <summary>A drill step on the wire, with where its place is (kind, point, gu and dong) for the map and the report.</summary>
public sealed record DrillStepResponse(
    double At,
    string Key,
    string Source,
    string SourceKind,
    IReadOnlyDictionary<string, string> Name,
    AlarmSeverity Severity,
    ServiceArea Service,
    double Value,
    bool Clear,
    double Lon,
    double Lat,
    string GuCode,
    string? DongCode);
