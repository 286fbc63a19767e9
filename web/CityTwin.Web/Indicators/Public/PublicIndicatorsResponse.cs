namespace CityTwin.Web.Indicators.Public;

/// <summary>
/// Everything the public transparency view shows, and nothing more: the city's indicators with
/// targets, the city and each district scored against them, and the scenarios planners published.
/// No alarm, asset, status or account appears here (a test holds the keys to an allow-list).
/// </summary>
/// <param name="AsOf">Simulated time the live figures belong to.</param>
/// <param name="GeneratedAt">Wall-clock time (UTC) this answer was put together.</param>
/// <param name="ScoreCap">The cap of one indicator's score in the performance index.</param>
public sealed record PublicIndicatorsResponse(
    string CityId,
    IReadOnlyDictionary<string, string> CityNames,
    string TimeZone,
    DateTimeOffset AsOf,
    DateTimeOffset GeneratedAt,
    double ScoreCap,
    IReadOnlyList<PublicIndicatorInfo> Indicators,
    PublicArea City,
    IReadOnlyList<PublicArea> Districts,
    string? ProfileSource,
    IReadOnlyList<PublicScenario> Scenarios);
