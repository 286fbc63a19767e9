using CityTwin.Abstractions.Feeds;

namespace CityTwin.Abstractions.Grains;

/// <summary>
/// The city's choice of sources (key: city id): which asset kinds and assets real feeds drive
/// instead of the simulator. Durable: an operator's choice survives restarts and failovers.
/// </summary>
[Alias("CityTwin.ISimulationSourcesGrain")]
public interface ISimulationSourcesGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<SimulationSources> GetAsync();

    /// <summary>Simulates (true) or leaves to a feed (false) every asset of the kind <paramref name="kind"/> (wire name).</summary>
    [Alias("SetKind")] Task<SimulationSources> SetKindAsync(string kind, bool simulated);

    /// <summary>Simulates (true) or leaves to a feed (false) the one asset <paramref name="assetId"/>.</summary>
    [Alias("SetAsset")] Task<SimulationSources> SetAssetAsync(string assetId, bool simulated);
}
