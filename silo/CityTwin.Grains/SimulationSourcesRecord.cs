namespace CityTwin.Grains;

/// <summary>The simulation sources as stored.</summary>
[GenerateSerializer, Alias("CityTwin.SimulationSourcesRecord")]
public sealed record SimulationSourcesRecord
{
    [Id(0)] public List<string> FeedKinds { get; init; } = [];
    [Id(1)] public List<string> FeedAssets { get; init; } = [];
    [Id(2)] public long Version { get; init; }
}
