namespace CityTwin.Grains.Scenarios.Results;

/// <summary>
/// Everything a planner gets back from a run (the body of <c>GET /api/scenarios/{id}/results</c>):
/// city totals per KPI with their meaning, district and dong totals, the city's time series, what
/// each intervention touched and the engine's notes.
/// </summary>
public sealed record ScenarioResultsDocument(
    string Id,
    string Name,
    DateTimeOffset Start,
    double StepMinutes,
    int Seed,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyList<KpiRow> Kpis,
    IReadOnlyList<AreaRow> Districts,
    IReadOnlyList<AreaRow> Dongs,
    IReadOnlyDictionary<string, SeriesPair> Series,
    IReadOnlyList<ScopeTotalsRow> Scopes,
    IReadOnlyList<string> Notes);
