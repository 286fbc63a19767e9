using CityTwin.Abstractions.Kpis;

namespace CityTwin.Abstractions.Grains;

/// <summary>A gu/gun (key: MOIS 5-digit code, e.g. <c>28185</c>): aggregates its dongs.</summary>
[Alias("CityTwin.IDistrictGrain")]
public interface IDistrictGrain : IGrainWithStringKey
{
    /// <summary>A dong reports its aggregate after each batch it ingests.</summary>
    [Alias("ReportNeighbourhood")] Task ReportNeighbourhoodAsync(string dongCode, KpiSet kpis, DateTimeOffset at);

    [Alias("GetKpis")] Task<KpiSet> GetKpisAsync();

    [Alias("GetDongKpis")] Task<IReadOnlyDictionary<string, KpiSet>> GetDongKpisAsync();

    [Alias("GetHistory")] Task<IReadOnlyList<KpiSample>> GetHistoryAsync();
}
