using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Scenarios.Results;

namespace CityTwin.Web.Scenarios;

/// <summary>Answer of <c>GET /api/scenarios/{id}/series/{area}</c>: every applicable KPI at every step of one area.</summary>
public sealed record ScenarioSeriesResponse(
    string Area,
    AreaLevel Level,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyDictionary<string, SeriesPair> Series);
