namespace CityTwin.Web.Api;

/// <summary>A district or dong with its current KPIs.</summary>
public sealed record AreaSummary(string Code, string NameEn, string NameKo, IReadOnlyDictionary<string, double> Kpis);
