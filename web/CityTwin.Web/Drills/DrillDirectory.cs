using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Drills;

namespace CityTwin.Web.Drills;

/// <summary>
/// The drill runs as the control room sees them: the open alarms of running runs join the alarm
/// list (marked as drills), and an alarm id of a run reaches that run. Closed drill alarms stay in
/// their run's report, out of the history of real alarms; the counts never ask the runs at all.
/// </summary>
public sealed class DrillDirectory(IGrainFactory grains)
{
    public IDrillRunsGrain Runs => grains.GetGrain<IDrillRunsGrain>(IDrillRunsGrain.Key);

    public IDrillRunGrain Run(string runId) => grains.GetGrain<IDrillRunGrain>(runId);

    public async Task<IReadOnlyList<AlarmView>> OpenAlarmsAsync(AlarmQuery query)
    {
        var running = await Runs.RunningAsync();
        if (running.Count == 0) return [];
        var parts = await Task.WhenAll(running.Select(id => Run(id).QueryAsync(query)));
        return [.. parts.SelectMany(p => p).Where(a => a.State != AlarmState.Closed)];
    }

    /// <summary>The run an alarm id names, as an alarm book; null for a real alarm's id.</summary>
    public IAlarmBookGrain? BookOf(string alarmId) => DrillRunIds.RunOf(alarmId) is { } run ? new DrillAlarmBook(Run(run)) : null;
}
