namespace CityTwin.Scenarios.Validation;

/// <summary>A problem with one field of a definition, keyed by its path (e.g. <c>interventions[1].parameters.sharePercent</c>).</summary>
public sealed record ValidationIssue(string Path, string Message);
