namespace CityTwin.Web.Scenarios;

/// <summary>Answer of <c>GET /api/scenarios/catalog</c>: what a planner can combine, what comes out, and the bounds.</summary>
public sealed record ScenarioCatalogResponse(
    IReadOnlyList<CatalogEntry> Interventions,
    IReadOnlyList<CatalogEntry> Conditions,
    IReadOnlyList<KpiInfo> Kpis,
    ScenarioLimitsInfo Limits);
