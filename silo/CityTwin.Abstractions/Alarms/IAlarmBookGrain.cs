namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// The alarms of one gu (key: gu code): its dongs' and its own. It receives one transition batch
/// per dong per telemetry batch, groups floods, detects chatter, keeps the lifecycle and writes its
/// state durably (operator actions before they are answered; raised and cleared alarms batched).
/// Alarm ids start with the gu code, so an id names its book.
/// </summary>
[Alias("CityTwin.IAlarmBookGrain")]
public interface IAlarmBookGrain : IGrainWithStringKey
{
    [Alias("Apply")] Task ApplyAsync(AlarmTransitionBatch batch);

    [Alias("Query")] Task<IReadOnlyList<AlarmView>> QueryAsync(AlarmQuery query);

    [Alias("Get")] Task<AlarmDetail?> GetAsync(string alarmId);

    [Alias("Act")] Task<AlarmActionOutcome> ActAsync(string alarmId, AlarmAction action);

    [Alias("Summary")] Task<AlarmBookSummary> GetSummaryAsync();

    /// <summary>Writes pending changes now (tests, shutdown).</summary>
    [Alias("Flush")] Task FlushAsync();

    /// <summary>The gu code an alarm id belongs to (the text before its first '-').</summary>
    static string? BookOf(string alarmId)
    {
        var dash = alarmId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? alarmId[..dash] : null;
    }
}
