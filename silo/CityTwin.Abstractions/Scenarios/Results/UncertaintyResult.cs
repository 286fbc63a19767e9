namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>
/// What a run repeated over several seeds adds to its results: the seeds, and for every city KPI,
/// every step of its series and the money, the median and the 90 % band (5th–95th percentile,
/// linear interpolation between the sorted values). The rest of the document is the first seed's.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.UncertaintyResult")]
public sealed record UncertaintyResult(
    [property: Id(0)] IReadOnlyList<int> Seeds,
    [property: Id(1)] IReadOnlyList<KpiBand> Kpis,
    [property: Id(2)] IReadOnlyDictionary<string, SeriesBand> Series,
    [property: Id(3)] EconomicsBand? Economics);
