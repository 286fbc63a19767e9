using CityTwin.Abstractions.Alarms;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// The rules the city pack gives the rule book on first use, and where they came from (the pack's
/// own alarm-rules.json, its template's, or none), for the start-up log.
/// </summary>
public sealed record PackAlarmRules(IReadOnlyList<AlarmRule> Rules, string Origin);
