namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// The alarms of one gu (key: gu code): its dongs' and its own. It receives the transition batches
/// of its dongs (one per dong per telemetry batch, sent together by each silo), groups floods, detects chatter, keeps the lifecycle and writes its
/// state durably (operator actions before they are answered; raised and cleared alarms batched).
/// Alarm ids start with the gu code, so an id names its book.
/// </summary>
[Alias("CityTwin.IAlarmBookGrain")]
public interface IAlarmBookGrain : IGrainWithStringKey
{
    /// <summary>Applies its areas' batches in the order given (one call per silo per send interval).</summary>
    [Alias("ApplyMany")] Task ApplyAsync(IReadOnlyList<AlarmTransitionBatch> batches);

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
