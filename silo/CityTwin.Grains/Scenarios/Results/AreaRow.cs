namespace CityTwin.Grains.Scenarios.Results;

/// <summary>A district or dong with its KPI totals (only the KPIs that apply to it).</summary>
public sealed record AreaRow(string Code, string NameEn, string NameKo, IReadOnlyDictionary<string, Comparison> Kpis);
