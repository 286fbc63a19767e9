using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Abstractions.Grains;

/// <summary>A building (key: asset id, e.g. <c>building-000123</c>): floor area, use, meter, rooftop PV, occupants.</summary>
[Alias("CityTwin.IBuildingGrain")]
public interface IBuildingGrain : IGrainWithStringKey
{
    /// <summary>Null when the id names no building of this city.</summary>
    [Alias("GetDetails")] Task<AssetDetails?> GetDetailsAsync();
}
