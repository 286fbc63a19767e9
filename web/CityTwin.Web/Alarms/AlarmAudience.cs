using System.Collections.Concurrent;
using CityTwin.Abstractions.Alarms;

namespace CityTwin.Web.Alarms;

/// <summary>
/// What each client of this web node watches of the alarms (<see cref="AlarmWatch"/>), set by the
/// hub's <c>WatchAlarms</c>. A client that watches nothing gets the <c>alarmSummary</c> frames only.
/// </summary>
public sealed class AlarmAudience(AlarmDirectory directory, AlarmItems items)
{
    /// <summary>Open alarms a client receives for its view when it starts watching (the markers' start).</summary>
    public const int MaxSnapshot = 500;

    private readonly ConcurrentDictionary<string, AlarmWatch> _watches = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, AlarmWatch>> Watches => _watches;

    /// <summary>
    /// Sets what a client watches; answers the open alarms (flood children left out) in its view,
    /// worst first (an array: MessagePack cannot write the compiler's read-only list types).
    /// </summary>
    public async Task<AlarmItem[]> WatchAsync(string connectionId, AlarmWatch watch)
    {
        _watches[connectionId] = watch;
        if (watch.View is not { } view) return [];
        var open = await directory.QueryAsync(new AlarmQuery
        {
            States = [AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged, AlarmState.ClearedUnacknowledged],
        });
        return [.. AlarmDirectory.Sorted(open).Select(items.Of).Where(a => view.Contains(a.Lon, a.Lat)).Take(MaxSnapshot)];
    }

    public void Forget(string connectionId) => _watches.TryRemove(connectionId, out _);
}
