using CityTwin.Model.City;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Web.Scenarios;

/// <summary>Answer of <c>GET /api/scenarios/catalog</c>: what a planner can combine, what comes out, and the bounds.</summary>
public sealed record ScenarioCatalogResponse(
    IReadOnlyList<CatalogEntry> Interventions,
    IReadOnlyList<CatalogEntry> Conditions,
    IReadOnlyList<KpiInfo> Kpis,
    ScenarioLimitsInfo Limits)
{
    /// <summary>The city pack's economic defaults with their sources (null when the pack has none).</summary>
    public CityEconomics? Economics { get; init; }

    /// <summary>How many seeds a run may repeat over.</summary>
    public int MaxSeeds { get; init; } = ScenarioLimits.MaxSeeds;
}
