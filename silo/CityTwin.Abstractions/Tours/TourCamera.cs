namespace CityTwin.Abstractions.Tours;

/// <summary>The map view of a stop: centre as [longitude, latitude], zoom, bearing and pitch in degrees.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TourCamera")]
public sealed record TourCamera
{
    [Id(0)] public required IReadOnlyList<double> Center { get; init; }
    [Id(1)] public double Zoom { get; init; }
    [Id(2)] public double Bearing { get; init; }
    [Id(3)] public double Pitch { get; init; }
}
