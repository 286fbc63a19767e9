namespace CityTwin.Scenarios.Kpis;

/// <summary>
/// A scenario KPI as planners see it: the time series is in <see cref="SeriesUnit"/> at each step,
/// the horizon total in <see cref="TotalUnit"/>; <see cref="TotalRule"/> says how the total is formed
/// (a sum over the horizon, a mean, a peak or a ratio of sums). <see cref="IsoTheme"/> is the
/// ISO 37120 / 37122 theme the indicator belongs to.
/// </summary>
public sealed record ScenarioKpi(
    string Id,
    string Name,
    string SeriesUnit,
    string TotalUnit,
    KpiDirection Better,
    string Definition,
    string TotalRule,
    string IsoTheme,
    string Source);
