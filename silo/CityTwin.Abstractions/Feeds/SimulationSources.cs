namespace CityTwin.Abstractions.Feeds;

/// <summary>
/// Which assets the simulator leaves to a real feed: whole kinds (wire names, e.g. <c>flood</c>)
/// and single assets (ids). Everything else is simulated. <see cref="Version"/> grows with every
/// change, so a reader can tell a new list from the one it holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.SimulationSources")]
public sealed record SimulationSources(
    [property: Id(0)] IReadOnlyList<string> FeedKinds,
    [property: Id(1)] IReadOnlyList<string> FeedAssets,
    [property: Id(2)] long Version)
{
    public static readonly SimulationSources AllSimulated = new([], [], 0);
}
