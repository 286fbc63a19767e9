using CityTwin.Abstractions.Stakeholders;

namespace CityTwin.Grains.Stakeholders;

/// <summary>Stored state of <see cref="ScenarioCommentsGrain"/>.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioCommentsState")]
public sealed class ScenarioCommentsState
{
    [Id(0)] public List<ScenarioComment> Comments { get; set; } = [];

    /// <summary>The number of the last comment made, so ids are never reused.</summary>
    [Id(1)] public int LastNumber { get; set; }
}
