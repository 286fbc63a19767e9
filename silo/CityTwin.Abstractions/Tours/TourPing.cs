namespace CityTwin.Abstractions.Tours;

/// <summary>A point the presenter pointed at on the map: followers' maps pulse there.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TourPing")]
public sealed record TourPing(
    [property: Id(0)] string Code,
    [property: Id(1)] double Lon,
    [property: Id(2)] double Lat,
    [property: Id(3)] DateTimeOffset At);
