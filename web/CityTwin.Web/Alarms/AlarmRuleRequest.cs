namespace CityTwin.Web.Alarms;

/// <summary>
/// A rule as posted: <c>type</c> threshold | rateOfChange | stale | areaKpi; asset rules name
/// <c>kind</c> (and, but for stale, <c>channel</c>), area rules <c>kpi</c> and <c>level</c> (dong, gu);
/// <c>areaCode</c> narrows to a gu or dong; <c>limit</c>, <c>above</c>, <c>hysteresis</c>,
/// <c>delaySeconds</c>; <c>severity</c> critical | major | minor | warning; <c>service</c> safety |
/// disaster | traffic | environment | facilities. <c>names</c> gives the name in other UI languages
/// (language code → name); <c>name</c> stays the English one and the fallback.
/// </summary>
public sealed record AlarmRuleRequest(
    string? Id = null,
    string? Name = null,
    string? Type = null,
    string? Kind = null,
    string? AreaCode = null,
    string? Channel = null,
    string? Kpi = null,
    string? Level = null,
    double? Limit = null,
    bool? Above = null,
    double? Hysteresis = null,
    double? DelaySeconds = null,
    string? Severity = null,
    string? Service = null,
    bool? Enabled = null,
    Dictionary<string, string?>? Names = null);
