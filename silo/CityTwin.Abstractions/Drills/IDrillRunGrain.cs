using CityTwin.Abstractions.Alarms;

namespace CityTwin.Abstractions.Drills;

/// <summary>
/// One drill run (key: run id), durable: it fires the drill's steps on a timer, keeps its alarms in
/// an alarm book of its own (the same lifecycle as real alarms, never in the gu books), and ends by
/// itself or when stopped. Its alarms' ids start with the run id.
/// </summary>
[Alias("CityTwin.IDrillRunGrain")]
public interface IDrillRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run (once; a second call answers the run as it is).</summary>
    [Alias("Start")] Task<DrillRunInfo> StartAsync(Drill drill, string actor, double speed, string? note);

    /// <summary>Ends a running run now; null when there is no such run.</summary>
    [Alias("Stop")] Task<DrillRunInfo?> StopAsync(string actor);

    /// <summary>The run, null when no run has this id. Activates it, so a running run resumes its steps.</summary>
    [Alias("Info")] Task<DrillRunInfo?> GetInfoAsync();

    [Alias("Query")] Task<IReadOnlyList<AlarmView>> QueryAsync(AlarmQuery query);

    [Alias("Get")] Task<AlarmDetail?> GetAlarmAsync(string alarmId);

    [Alias("Act")] Task<AlarmActionOutcome> ActAsync(string alarmId, AlarmAction action);

    [Alias("Report")] Task<DrillRunReport?> GetReportAsync();
}
