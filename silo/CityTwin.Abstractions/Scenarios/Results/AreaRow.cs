namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>A district or dong with its KPI totals (only the KPIs that apply to it).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AreaRow")]
public sealed record AreaRow(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameEn,
    [property: Id(2)] string NameKo,
    [property: Id(3)] IReadOnlyDictionary<string, Comparison> Kpis);
