namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>
/// Simple payback over the seeds of a run, in years: 5th percentile, median, 95th percentile; null
/// where the investment never pays back (the net yearly saving is not positive at that percentile).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.PaybackBand")]
public sealed record PaybackBand(
    [property: Id(0)] double? Low,
    [property: Id(1)] double? Median,
    [property: Id(2)] double? High);
