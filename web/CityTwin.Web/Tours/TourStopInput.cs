namespace CityTwin.Web.Tours;

/// <summary>One stop as sent to the API (see <see cref="CityTwin.Abstractions.Tours.TourStop"/>).</summary>
public sealed class TourStopInput
{
    public TourTargetInput? Target { get; set; }
    public Dictionary<string, string?>? Title { get; set; }
    public Dictionary<string, string?>? Narrative { get; set; }
    public TourCameraInput? Camera { get; set; }
    public List<string?>? Layers { get; set; }
    public string? Kpi { get; set; }
    public DateTimeOffset? SimTime { get; set; }
    public string? ScenarioId { get; set; }
    public DateTimeOffset? ReplayTime { get; set; }
    public string? DrillId { get; set; }
}
