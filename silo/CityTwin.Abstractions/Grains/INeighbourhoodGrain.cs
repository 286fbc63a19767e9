using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Abstractions.Grains;

/// <summary>
/// A dong (key: MOIS 10-digit code): the unit of batching. It holds the live state of the assets
/// inside it, evaluates their status rules and reports its aggregate upward once per batch.
/// </summary>
[Alias("CityTwin.INeighbourhoodGrain")]
public interface INeighbourhoodGrain : IGrainWithStringKey
{
    [Alias("Ingest")] Task<IngestResult> IngestAsync(TelemetryBatch batch);

    [Alias("GetKpis")] Task<KpiSet> GetKpisAsync();

    [Alias("GetAsset")] Task<AssetSnapshot?> GetAssetAsync(string assetId);

    [Alias("GetAssetHistory")] Task<IReadOnlyList<TelemetrySample>> GetAssetHistoryAsync(string assetId);

    [Alias("GetAssets")] Task<IReadOnlyList<AssetSnapshot>> GetAssetsAsync();

    /// <summary>An asset's telemetry history (1 minute for a day, 15 minutes for a week); null for an asset not in this dong.</summary>
    [Alias("GetAssetSeries")] Task<HistorySeries?> GetAssetSeriesAsync(string assetId, HistoryQuery query);

    /// <summary>The dong's KPI history, columns in <see cref="KpiNames.All"/> order.</summary>
    [Alias("GetKpiSeries")] Task<HistorySeries> GetKpiSeriesAsync(HistoryQuery query);

    /// <summary>Asset statuses and KPIs at a past minute, for replay.</summary>
    [Alias("GetReplay")] Task<ReplaySlice> GetReplayAsync(DateTimeOffset at);
}
