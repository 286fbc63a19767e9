using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains.Tests;

public static class NeighbourhoodProbe
{
    /// <summary>The dong's snapshot of an asset it must know.</summary>
    public static async Task<AssetSnapshot> RequireAssetAsync(this INeighbourhoodGrain dong, string assetId)
    {
        var snapshot = await dong.GetAssetAsync(assetId);
        Assert.True(snapshot is not null, $"dong {dong.GetPrimaryKeyString()} does not know asset {assetId}");
        return snapshot;
    }
}
