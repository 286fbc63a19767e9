namespace CityTwin.Abstractions.Tours;

/// <summary>What a stop is about: a field-visit <c>site</c>, an <c>asset</c> or an <c>area</c> (gu or dong code).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TourTarget")]
public sealed record TourTarget
{
    [Id(0)] public required string Kind { get; init; }
    [Id(1)] public required string Id { get; init; }
}
