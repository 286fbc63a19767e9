namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>
/// Everything a planner gets back from a run (the body of <c>GET /api/scenarios/{id}/results</c>):
/// city totals per KPI with their meaning, district and dong totals, the city's time series, what
/// each intervention touched and the engine's notes; costs and payback (<see cref="Economics"/>)
/// and, for a run over several seeds, the bands (<see cref="Uncertainty"/>). Both are null in
/// results stored before they existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioResultsDocument")]
public sealed record ScenarioResultsDocument(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] double StepMinutes,
    [property: Id(4)] int Seed,
    [property: Id(5)] IReadOnlyList<DateTimeOffset> Times,
    [property: Id(6)] IReadOnlyList<KpiRow> Kpis,
    [property: Id(7)] IReadOnlyList<AreaRow> Districts,
    [property: Id(8)] IReadOnlyList<AreaRow> Dongs,
    [property: Id(9)] IReadOnlyDictionary<string, SeriesPair> Series,
    [property: Id(10)] IReadOnlyList<ScopeTotals> Scopes,
    [property: Id(11)] IReadOnlyList<string> Notes,
    [property: Id(12)] EconomicsResult? Economics = null,
    [property: Id(13)] UncertaintyResult? Uncertainty = null);
