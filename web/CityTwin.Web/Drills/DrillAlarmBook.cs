using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Drills;

namespace CityTwin.Web.Drills;

/// <summary>
/// A drill run seen as an alarm book, so the alarm endpoints (one alarm, its actions) serve drill
/// alarms through the same code, validation and audit as real ones.
/// </summary>
public sealed class DrillAlarmBook(IDrillRunGrain run) : IAlarmBookGrain
{
    public Task ApplyAsync(IReadOnlyList<AlarmTransitionBatch> batches) => throw new NotSupportedException("a drill's alarms come from its script");

    public Task<IReadOnlyList<AlarmView>> QueryAsync(AlarmQuery query) => run.QueryAsync(query);

    public Task<AlarmDetail?> GetAsync(string alarmId) => run.GetAlarmAsync(alarmId);

    public Task<AlarmActionOutcome> ActAsync(string alarmId, AlarmAction action) => run.ActAsync(alarmId, action);

    public Task<AlarmBookSummary> GetSummaryAsync() => Task.FromResult(new AlarmBookSummary(0, 0, 0, 0, 0));

    public Task FlushAsync() => Task.CompletedTask;
}
