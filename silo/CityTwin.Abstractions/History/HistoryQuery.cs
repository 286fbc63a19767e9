namespace CityTwin.Abstractions.History;

/// <summary>
/// A history request: the simulated interval and the step of its points in whole minutes. Steps
/// under 15 minutes read the 1-minute ring (the last day); 15 minutes and more read the
/// 15-minute ring (the last week).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.HistoryQuery")]
public sealed record HistoryQuery(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] int StepMinutes);
