namespace CityTwin.Web.Drills;

/// <summary>One step of a drill file: <c>at</c> seconds after the start, raise (or <c>clear</c>) alarm <c>key</c> on <c>source</c>.</summary>
public sealed class DrillStepFile
{
    public double? At { get; set; }
    public string? Key { get; set; }
    public string? Source { get; set; }
    public Dictionary<string, string?>? Name { get; set; }
    public string? Severity { get; set; }
    public string? Service { get; set; }
    public double? Value { get; set; }
    public bool Clear { get; set; }
}
