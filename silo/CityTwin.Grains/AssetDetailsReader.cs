using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;

namespace CityTwin.Grains;

/// <summary>Assembles an asset's details: static facts from the catalog, live state and history from its dong.</summary>
internal static class AssetDetailsReader
{
    public static async Task<AssetDetails?> ReadAsync(IGrainFactory grains, AssetDescriptor? asset)
    {
        if (asset is null) return null;
        var dong = grains.GetGrain<INeighbourhoodGrain>(asset.DongCode);
        var latest = dong.GetAssetAsync(asset.Id);
        var history = dong.GetAssetHistoryAsync(asset.Id);
        return new AssetDetails(
            asset.Id, asset.Kind, asset.GuCode, asset.DongCode, asset.Lon, asset.Lat, asset.Synthetic, asset.Name,
            asset.Spec.Describe(), await latest, await history);
    }
}
