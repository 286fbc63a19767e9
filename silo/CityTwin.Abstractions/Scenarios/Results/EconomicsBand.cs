namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>The city's money over the seeds of a run (the capital cost does not depend on the weather).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.EconomicsBand")]
public sealed record EconomicsBand(
    [property: Id(0)] Band SavingsPerYear,
    [property: Id(1)] Band NetPerYear,
    [property: Id(2)] Band Npv,
    [property: Id(3)] PaybackBand PaybackYears);
