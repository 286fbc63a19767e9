using CityTwin.Abstractions.Areas;

namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// One alarm rule, kept as data. Asset rules (<see cref="AlarmRuleType.Threshold"/>,
/// <see cref="AlarmRuleType.RateOfChange"/>, <see cref="AlarmRuleType.Stale"/>) name an asset
/// <see cref="Kind"/> (wire name) and, except stale, a <see cref="Channel"/>; area rules name a
/// <see cref="Kpi"/> and the <see cref="Level"/> (dong or gu) they apply to. <see cref="AreaCode"/>
/// narrows any rule to one gu or dong (null: the whole city).
/// <see cref="Limit"/> is the threshold, the change per simulated minute (rate of change) or the
/// minutes of silence (stale). <see cref="Above"/> says which side is bad; the alarm clears once
/// the value is back past <c>Limit ∓ Hysteresis</c>; <see cref="DelaySeconds"/> of simulated time
/// must pass with the condition holding before it raises ("above 75 for 10 min").
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmRule")]
public sealed record AlarmRule
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public AlarmRuleType Type { get; init; }
    [Id(3)] public string? Kind { get; init; }
    [Id(4)] public string? AreaCode { get; init; }
    [Id(5)] public string? Channel { get; init; }
    [Id(6)] public string? Kpi { get; init; }
    [Id(7)] public AreaLevel Level { get; init; } = AreaLevel.Dong;
    [Id(8)] public double Limit { get; init; }
    [Id(9)] public bool Above { get; init; } = true;
    [Id(10)] public double Hysteresis { get; init; }
    [Id(11)] public double DelaySeconds { get; init; }
    [Id(12)] public AlarmSeverity Severity { get; init; } = AlarmSeverity.Major;
    [Id(13)] public ServiceArea Service { get; init; } = ServiceArea.Facilities;
    [Id(14)] public bool Enabled { get; init; } = true;
    /// <summary>1 when made, +1 at every edit; the audit log holds each version's before and after.</summary>
    [Id(15)] public int Version { get; init; } = 1;
    /// <summary>
    /// The name in each UI language (language code → name), as the city pack gives it; null for a
    /// rule made or renamed in the API, whose <see cref="Name"/> is shown in every language.
    /// </summary>
    [Id(16)] public Dictionary<string, string>? Names { get; init; }

    /// <summary>The name in a UI language, else <see cref="Name"/>.</summary>
    public string NameIn(string language) => Names is not null && Names.TryGetValue(language, out var name) ? name : Name;

    /// <summary>Whether the rule watches single assets (else an area's KPIs).</summary>
    public bool IsAssetRule => Type != AlarmRuleType.AreaKpi;
}
