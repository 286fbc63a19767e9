namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>A quantity over the seeds of a run: its 5th percentile, median and 95th percentile (a 90 % band).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.Band")]
public sealed record Band(
    [property: Id(0)] double Low,
    [property: Id(1)] double Median,
    [property: Id(2)] double High);
