namespace CityTwin.Abstractions.Tours;

/// <summary>
/// One stop of a tour: where it is, what it says in each language, how the map looks there, and
/// optionally the simulated time to set and a published scenario, replay time or drill to open.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TourStop")]
public sealed record TourStop
{
    [Id(0)] public required TourTarget Target { get; init; }
    [Id(1)] public required IReadOnlyDictionary<string, string> Title { get; init; }
    [Id(2)] public required IReadOnlyDictionary<string, string> Narrative { get; init; }
    [Id(3)] public required TourCamera Camera { get; init; }
    /// <summary>Map layers shown at this stop (<see cref="TourLimits.Layers"/>); the others are hidden.</summary>
    [Id(4)] public IReadOnlyList<string> Layers { get; init; } = [];
    /// <summary>The KPI the areas are coloured by, or null to keep the viewer's choice.</summary>
    [Id(5)] public string? Kpi { get; init; }
    /// <summary>The simulated time the presenter sets when arriving (through the city clock).</summary>
    [Id(6)] public DateTimeOffset? SimTime { get; init; }
    /// <summary>A published scenario to open at this stop.</summary>
    [Id(7)] public string? ScenarioId { get; init; }
    /// <summary>A moment of the twin's history to replay at this stop.</summary>
    [Id(8)] public DateTimeOffset? ReplayTime { get; init; }
    /// <summary>A drill to open at this stop.</summary>
    [Id(9)] public string? DrillId { get; init; }
}
