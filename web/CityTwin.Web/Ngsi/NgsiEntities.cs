using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;
using CityTwin.Web.Live;
using Orleans.Runtime;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// Answers entity queries over every served type: candidates (id, type, location) first, the cheap
/// filters on them, then the attributes of the ones kept, then attrs and q. The order is stable (types
/// in catalogue order, assets in city order, alerts by severity and age), so paging is.
/// </summary>
public sealed class NgsiEntities(CityCatalog catalog, LiveState state, AssetEntities assets, AreaEntities areas,
    WeatherEntities weather, AlertEntities alerts, IGrainFactory grains, ILogger<NgsiEntities> logger)
{
    public sealed record Page(int Total, IReadOnlyList<NgsiEntity> Items);

    public async Task<Page> QueryAsync(NgsiQuery query)
    {
        if (query.Types is { Count: 0 }) return new Page(0, []);
        var clock = await ClockAsync();
        var total = 0;
        var items = new List<NgsiEntity>();
        foreach (var type in query.Types is { } asked ? NgsiTypes.All.Where(asked.Contains) : NgsiTypes.All)
        {
            var heard = new Dictionary<string, AssetSnapshot>(StringComparer.Ordinal);
            var kept = (await CandidatesAsync(type, query.MatchesId, clock, heard))
                .Where(c => query.MatchesId(c.Id) && (query.Geo is not { } geo || geo.Matches(c.Location)))
                .ToList();
            await AskUnheardAsync(type, kept, heard, Math.Min(NgsiLd.MaxLimit, query.Offset + query.Limit));
            foreach (var candidate in kept)
            {
                var entity = candidate.Build();
                if (query.Attrs is { } attrs && !attrs.Any(a => entity.AttributeNames.Contains(a))) continue;
                if (query.Q is { } q && !q.Matches(entity)) continue;
                if (total >= query.Offset && items.Count < query.Limit) items.Add(entity);
                total++;
            }
        }
        return new Page(total, items);
    }

    /// <summary>One entity by its URN, or null.</summary>
    public async Task<NgsiEntity?> FindAsync(string id)
    {
        var parts = id.Split(':', 4);
        if (parts.Length != 4 || parts[0] != "urn" || parts[1] != "ngsi-ld" || NgsiTypes.Find(parts[2]) is not { } type) return null;
        var clock = await ClockAsync();
        var heard = new Dictionary<string, AssetSnapshot>(StringComparer.Ordinal);
        var found = (await CandidatesAsync(type, x => x == id, clock, heard)).Where(c => c.Id == id).Take(1).ToList();
        await AskUnheardAsync(type, found, heard, 1);
        return found.FirstOrDefault()?.Build();
    }

    /// <summary>How many entities a type has now (alerts change as alarms open and close).</summary>
    public async Task<int> CountAsync(NgsiType type) =>
        type == NgsiTypes.Alert ? (await alerts.AllAsync(_ => true)).Count
        : type == NgsiTypes.WeatherObserved ? 1
        : type == NgsiTypes.KeyPerformanceIndicator ? areas.Count
        : assets.Of(type).Count();

    /// <summary>
    /// The live state learns an asset from the silo's change frames, so one whose values have not changed
    /// since this web node started is unknown to it: ask its grain, for at most <paramref name="most"/> of them
    /// (the page's worth). Should the silo not answer in time, those assets show what the live state has.
    /// </summary>
    private async Task AskUnheardAsync(NgsiType type, IReadOnlyList<NgsiCandidate> kept, Dictionary<string, AssetSnapshot> heard, int most)
    {
        if (type == NgsiTypes.Alert || type == NgsiTypes.WeatherObserved || type == NgsiTypes.KeyPerformanceIndicator) return;
        var prefix = NgsiLd.Urn(type.Name, "").Length;
        var unheard = kept.Select(c => catalog.FindAsset(c.Id[prefix..])).Where(a => a is not null && !assets.IsHeard(a)).Take(most).ToList();
        if (unheard.Count == 0) return;
        try
        {
            var details = await Task.WhenAll(unheard.Select(a => grains.GetGrain<IAssetGrain>(a!.Id).GetDetailsAsync()));
            foreach (var d in details)
                if (d?.Latest is { } latest) heard[d.Id] = latest;
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogWarning("NGSI-LD answered {Count} {Type} entities from the live state only: {Error}", unheard.Count, type.Name, e.GetType().Name);
        }
    }

    private async Task<IEnumerable<NgsiCandidate>> CandidatesAsync(NgsiType type, Func<string, bool> idFilter, ClockState clock, Dictionary<string, AssetSnapshot> heard)
    {
        if (type == NgsiTypes.Alert)
            return (await alerts.AllAsync(idFilter)).Select(e => new NgsiCandidate(e.Id, e.Type, e.Location, () => e));
        if (type == NgsiTypes.WeatherObserved)
            return [new NgsiCandidate(weather.Urn, type.Name, weather.Entity(clock).Location, () => weather.Entity(clock))];
        if (type == NgsiTypes.KeyPerformanceIndicator)
            return areas.Candidates(clock.SimTime);
        return assets.Of(type).Select(a =>
        {
            var urn = AssetEntities.UrnOf(a)!;
            return new NgsiCandidate(urn, type.Name, assets.LocationOf(a), () => assets.Entity(a, clock.SimTime, heard.GetValueOrDefault(a.Id)));
        });
    }

    private async Task<ClockState> ClockAsync() =>
        state.Clock ?? await grains.GetGrain<ICityGrain>(catalog.Id).GetClockAsync();
}
