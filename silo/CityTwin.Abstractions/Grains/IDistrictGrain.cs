using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Abstractions.Grains;

/// <summary>A gu/gun (key: MOIS 5-digit code, e.g. <c>28185</c>): aggregates its dongs.</summary>
[Alias("CityTwin.IDistrictGrain")]
public interface IDistrictGrain : IGrainWithStringKey
{
    /// <summary>A dong reports its aggregate after each batch it ingests, with the clock timeline the batch belonged to.</summary>
    [Alias("ReportNeighbourhood")] Task ReportNeighbourhoodAsync(string dongCode, KpiSet kpis, DateTimeOffset at, int timeline);

    [Alias("GetKpis")] Task<KpiSet> GetKpisAsync();

    [Alias("GetDongKpis")] Task<IReadOnlyDictionary<string, KpiSet>> GetDongKpisAsync();

    [Alias("GetHistory")] Task<IReadOnlyList<KpiSample>> GetHistoryAsync();

    /// <summary>The district's KPI history, columns in <see cref="KpiNames.All"/> order.</summary>
    [Alias("GetKpiSeries")] Task<HistorySeries> GetKpiSeriesAsync(HistoryQuery query);

    /// <summary>The district's KPIs at a past minute (<see cref="KpiNames.All"/> order), null when its history holds none.</summary>
    [Alias("GetKpisAt")] Task<float[]?> GetKpisAtAsync(DateTimeOffset at);
}
