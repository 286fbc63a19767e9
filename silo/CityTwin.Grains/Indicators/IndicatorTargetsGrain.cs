using CityTwin.Abstractions.Indicators;
using CityTwin.Abstractions.Storage;

namespace CityTwin.Grains.Indicators;

/// <summary>
/// The city's indicator targets in the durable store (SQLite embedded, PostgreSQL in a cluster).
/// The web layer validates ids and values against the city pack before calling; the grain only keeps them.
/// </summary>
public sealed class IndicatorTargetsGrain(
    [PersistentState("indicatorTargets", StorageNames.Durable)] IPersistentState<IndicatorTargetsState> stored,
    TimeProvider time)
    : Grain, IIndicatorTargetsGrain
{
    public async Task<IndicatorTarget> SetAsync(string indicatorId, double value, string setBy)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A target must be a finite number");
        var target = new IndicatorTarget(value, time.GetUtcNow(), setBy);
        stored.State.Targets[indicatorId] = target;
        await stored.WriteStateAsync();
        return target;
    }

    public Task<IReadOnlyDictionary<string, IndicatorTarget>> GetAllAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, IndicatorTarget>>(new Dictionary<string, IndicatorTarget>(stored.State.Targets, StringComparer.Ordinal));
}
