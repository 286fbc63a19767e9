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
}
