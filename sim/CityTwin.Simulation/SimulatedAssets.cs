using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Feeds;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;

namespace CityTwin.Simulation;

/// <summary>
/// Takes the readings of assets that real feeds drive out of the simulator's batches. A batch that
/// loses every reading is still sent (empty): it carries the tick's instant, by which the dong marks
/// silent assets offline (the stale rule), feed-driven ones included.
/// </summary>
public sealed class SimulatedAssets(CityCatalog catalog)
{
    private SimulationSources _sources = SimulationSources.AllSimulated;
    private HashSet<AssetKind> _feedKinds = [];
    private HashSet<string> _feedAssets = new(StringComparer.Ordinal);

    /// <summary>Takes a new list (a no-op when its version is the one held).</summary>
    public void Use(SimulationSources sources)
    {
        if (sources.Version == _sources.Version) return;
        var kinds = new HashSet<AssetKind>();
        foreach (var wire in sources.FeedKinds)
            if (AssetKinds.TryParse(wire, out var kind)) kinds.Add(kind);
        _feedKinds = kinds;
        _feedAssets = new HashSet<string>(sources.FeedAssets, StringComparer.Ordinal);
        _sources = sources;
    }

    public bool IsSimulated(string assetId) =>
        !_feedAssets.Contains(assetId) && (_feedKinds.Count == 0 || catalog.FindAsset(assetId) is not { } a || !_feedKinds.Contains(a.Kind));

    public TelemetryBatch Filter(TelemetryBatch batch)
    {
        if (_feedKinds.Count == 0 && _feedAssets.Count == 0) return batch;
        return batch with { Readings = [.. batch.Readings.Where(r => IsSimulated(r.AssetId))] };
    }
}
