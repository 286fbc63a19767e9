using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Scenarios.Results;

namespace CityTwin.Scenarios.Engine;

/// <summary>Collects the per-asset values of a snapshot.</summary>
internal sealed class SnapshotSink(CityCatalog city) : IAssetSink
{
    public List<AssetComparison> Assets { get; } = [];

    public void Add(int assetIndex, ReadOnlySpan<double> baseline, ReadOnlySpan<double> scenario, bool closed)
    {
        var asset = city.Assets[assetIndex];
        Assets.Add(new AssetComparison(asset.Id, AssetKinds.Of(asset.Kind).WireName, baseline.ToArray(), scenario.ToArray(), closed));
    }
}
