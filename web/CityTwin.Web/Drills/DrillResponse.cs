namespace CityTwin.Web.Drills;

/// <summary>A drill of the catalogue on the wire.</summary>
public sealed record DrillResponse(
    string Id,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Description,
    double DurationSeconds,
    double MissAfterSeconds,
    IReadOnlyList<DrillStepResponse> Steps);
