namespace CityTwin.Abstractions.Tours;

/// <summary>A live presentation of a tour: who presents, the tour as it was when started, and the current stop.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TourSessionView")]
public sealed record TourSessionView
{
    /// <summary>The join code participants type (or scan); also the session grain's key.</summary>
    [Id(0)] public required string Code { get; init; }
    [Id(1)] public required Tour Tour { get; init; }
    [Id(2)] public required string Presenter { get; init; }
    [Id(3)] public int StopIndex { get; init; }
    [Id(4)] public DateTimeOffset StartedAt { get; init; }
    /// <summary>Goes up with every change of stop, so followers can drop a stale push.</summary>
    [Id(5)] public long Version { get; init; }
}
