using CityTwin.Abstractions.Storage;
using Orleans.Storage;

namespace CityTwin.Hosting;

/// <summary>
/// Grain storage whose failures to reach the database surface as <see cref="StoreUnavailableException"/>
/// (message only): a grain call that fails on a down database then reaches a web node of the
/// cluster as "store unavailable" (503, try again) instead of a serialisation failure (500).
/// </summary>
public sealed class StoreErrorTranslatingStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Translate(() => inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Translate(() => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Translate(() => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken));

    private static async Task Translate(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is not StoreUnavailableException && StoreErrors.IsUnavailable(e))
        {
            throw new StoreUnavailableException($"The durable store is unavailable: {e.GetType().Name}: {e.Message}");
        }
    }
}
