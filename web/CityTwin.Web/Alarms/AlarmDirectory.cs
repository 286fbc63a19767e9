using CityTwin.Abstractions.Alarms;
using CityTwin.Model.City;
using CityTwin.Web.Drills;

namespace CityTwin.Web.Alarms;

/// <summary>
/// The city's alarms across its gu books: a query asks every book at once (one call per gu) and
/// merges; an alarm id names its book. The open alarms of a running drill join the list (marked as
/// drills, <see cref="DrillDirectory"/>); the summary never counts them.
/// </summary>
public sealed class AlarmDirectory(IGrainFactory grains, CityCatalog catalog, DrillDirectory drills)
{
    public async Task<List<AlarmView>> QueryAsync(AlarmQuery query)
    {
        var books = catalog.Districts.Select(d => grains.GetGrain<IAlarmBookGrain>(d.Code).QueryAsync(query));
        var parts = await Task.WhenAll(books.Append(drills.OpenAlarmsAsync(query)));
        return [.. parts.SelectMany(p => p)];
    }

    public async Task<AlarmBookSummary> SummaryAsync()
    {
        var parts = await Task.WhenAll(catalog.Districts.Select(d => grains.GetGrain<IAlarmBookGrain>(d.Code).GetSummaryAsync()));
        return new AlarmBookSummary(parts.Sum(p => p.Active), parts.Sum(p => p.Unacknowledged), parts.Sum(p => p.Critical),
            parts.Sum(p => p.Shelved), parts.Sum(p => p.RaisedLast10Minutes));
    }

    /// <summary>The book an alarm id belongs to, or null when the id names no gu of this city.</summary>
    public IAlarmBookGrain? BookOf(string alarmId) =>
        IAlarmBookGrain.BookOf(alarmId) is { } gu && catalog.FindDistrict(gu) is not null ? grains.GetGrain<IAlarmBookGrain>(gu) : drills.BookOf(alarmId);

    /// <summary>Severity first (critical on top), active before cleared, then the latest occurrence first.</summary>
    public static IOrderedEnumerable<AlarmView> Sorted(IEnumerable<AlarmView> alarms) =>
        alarms.OrderByDescending(a => a.Severity).ThenByDescending(a => a.IsActive).ThenByDescending(a => a.LastAt).ThenBy(a => a.Id, StringComparer.Ordinal);
}
