using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Abstractions.Grains;

/// <summary>
/// One infrastructure asset (key: asset id, e.g. <c>streetlight-2818563000-0007</c>). Its live
/// values arrive in its neighbourhood's batches; this grain answers for the asset as a whole.
/// </summary>
[Alias("CityTwin.IAssetGrain")]
public interface IAssetGrain : IGrainWithStringKey
{
    /// <summary>Null when the id names no asset of this city.</summary>
    [Alias("GetDetails")] Task<AssetDetails?> GetDetailsAsync();
}
