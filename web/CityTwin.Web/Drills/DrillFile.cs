namespace CityTwin.Web.Drills;

/// <summary>A drill as written in a city pack (<c>drills/*.json</c>): every field optional here so the loader can name what is missing.</summary>
public sealed class DrillFile
{
    public string? Id { get; set; }
    public Dictionary<string, string?>? Title { get; set; }
    public Dictionary<string, string?>? Description { get; set; }
    public double? DurationSeconds { get; set; }
    public double? MissAfterSeconds { get; set; }
    public List<DrillStepFile?>? Steps { get; set; }
}
