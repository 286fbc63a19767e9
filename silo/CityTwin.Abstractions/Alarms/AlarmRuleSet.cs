namespace CityTwin.Abstractions.Alarms;

/// <summary>Every rule at one version of the rule book (the version rises with every edit).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmRuleSet")]
public sealed record AlarmRuleSet([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<AlarmRule> Rules)
{
    public static readonly AlarmRuleSet Empty = new(0, []);
}
