namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// The city's rule book (key: <see cref="Key"/>), durable. Made from the asset kinds' status
/// thresholds the first time, so alarms appear at once; every edit raises the rule's and the
/// book's version. Silos read it through a cache refreshed every few seconds.
/// </summary>
[Alias("CityTwin.IAlarmRulesGrain")]
public interface IAlarmRulesGrain : IGrainWithStringKey
{
    const string Key = "rules";

    [Alias("Get")] Task<AlarmRuleSet> GetAsync();

    /// <summary>Adds or replaces a rule; returns the rule before (null when new) and after.</summary>
    [Alias("Upsert")] Task<(AlarmRule? Before, AlarmRule After)> UpsertAsync(AlarmRule rule);

    /// <summary>Removes a rule; returns it, or null when there was none.</summary>
    [Alias("Delete")] Task<AlarmRule?> DeleteAsync(string ruleId);
}
