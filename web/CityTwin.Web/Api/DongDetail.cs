namespace CityTwin.Web.Api;

/// <summary>Answer of <c>GET /api/dongs/{code}</c>. Population is an estimate (see the README).</summary>
public sealed record DongDetail(
    string Code, string GuCode, string NameEn, string NameKo, int Population, double AreaKm2,
    IReadOnlyDictionary<string, double> Kpis);
