namespace CityTwin.Web.Api;

/// <summary>Answer of <c>GET /api/districts/{code}</c>.</summary>
public sealed record DistrictDetail(
    string Code, string NameEn, string NameKo, int Population, double AreaKm2,
    IReadOnlyDictionary<string, double> Kpis, IReadOnlyList<AreaSummary> Dongs, IReadOnlyList<KpiPoint> History);
