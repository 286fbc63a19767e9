using CityTwin.Abstractions.Alarms;

namespace CityTwin.Grains.Alarms;

/// <summary>Stored state of <see cref="AlarmRulesGrain"/>.</summary>
[GenerateSerializer, Alias("CityTwin.AlarmRulesState")]
public sealed class AlarmRulesState
{
    /// <summary>False until the defaults were written once (an operator may delete every rule later).</summary>
    [Id(0)] public bool Seeded { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public List<AlarmRule> Rules { get; set; } = [];
}
