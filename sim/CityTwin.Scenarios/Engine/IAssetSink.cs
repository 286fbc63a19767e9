namespace CityTwin.Scenarios.Engine;

/// <summary>Receives per-asset values while a step is evaluated (snapshots for the scenario map).</summary>
internal interface IAssetSink
{
    void Add(int assetIndex, ReadOnlySpan<double> baseline, ReadOnlySpan<double> scenario, bool closed);
}
