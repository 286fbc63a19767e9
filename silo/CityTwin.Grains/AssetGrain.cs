using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;

namespace CityTwin.Grains;

/// <summary>
/// One asset. Its live values travel in its dong's batches (never one call per value); this grain
/// is the asset's identity in the cluster and answers for it as a whole.
/// </summary>
public sealed class AssetGrain(CityCatalog catalog, CityTwinMetrics metrics) : CountedGrain(metrics), IAssetGrain
{
    public Task<AssetDetails?> GetDetailsAsync() =>
        AssetDetailsReader.ReadAsync(GrainFactory, catalog.FindAsset(this.GetPrimaryKeyString()));
}
