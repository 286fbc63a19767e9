using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;

namespace CityTwin.Grains;

/// <summary>A building: floor area, use, occupants and rooftop PV from the catalog; its meter from its dong.</summary>
public sealed class BuildingGrain(CityCatalog catalog, CityTwinMetrics metrics) : CountedGrain(metrics), IBuildingGrain
{
    public Task<AssetDetails?> GetDetailsAsync()
    {
        var asset = catalog.FindAsset(this.GetPrimaryKeyString());
        return AssetDetailsReader.ReadAsync(GrainFactory, asset?.Kind == AssetKind.Building ? asset : null);
    }
}
