using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Feeds;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Storage;
using CityTwin.Model.City;
using Orleans.Runtime;

namespace CityTwin.Grains;

/// <summary>
/// Keeps the list of kinds and assets left to real feeds. A change is in force only once it is
/// stored, so the simulator never stops (or resumes) feeding an asset on a choice that is then lost.
/// </summary>
public sealed class SimulationSourcesGrain(
    CityCatalog catalog,
    CityTwinMetrics metrics,
    [PersistentState("sources", StorageNames.Durable)] IPersistentState<SimulationSourcesRecord> stored)
    : CountedGrain(metrics), ISimulationSourcesGrain
{
    public Task<SimulationSources> GetAsync() => Task.FromResult(View(stored.State));

    public Task<SimulationSources> SetKindAsync(string kind, bool simulated)
    {
        if (!AssetKinds.TryParse(kind, out var parsed))
            throw new ArgumentException($"Unknown asset kind '{kind}'", nameof(kind));
        var wire = AssetKinds.Of(parsed).WireName;
        return SaveAsync(stored.State with { FeedKinds = Toggle(stored.State.FeedKinds, wire, simulated) });
    }

    public Task<SimulationSources> SetAssetAsync(string assetId, bool simulated)
    {
        if (catalog.FindAsset(assetId) is null)
            throw new ArgumentException($"Unknown asset '{assetId}'", nameof(assetId));
        return SaveAsync(stored.State with { FeedAssets = Toggle(stored.State.FeedAssets, assetId, simulated) });
    }

    private async Task<SimulationSources> SaveAsync(SimulationSourcesRecord changed)
    {
        var previous = stored.State;
        stored.State = changed with { Version = previous.Version + 1 };
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            stored.State = previous;
            throw;
        }
        return View(stored.State);
    }

    private static List<string> Toggle(List<string> feeds, string item, bool simulated)
    {
        var next = new List<string>(feeds.Where(f => f != item));
        if (!simulated) next.Add(item);
        next.Sort(StringComparer.Ordinal);
        return next;
    }

    private static SimulationSources View(SimulationSourcesRecord r) => new([.. r.FeedKinds], [.. r.FeedAssets], r.Version);
}
