using CityTwin.Abstractions.Drills;

namespace CityTwin.Grains.Drills;

/// <summary>Stored state of <see cref="DrillRunsGrain"/>: every run kept, by run id.</summary>
[GenerateSerializer, Alias("CityTwin.DrillRunsState")]
public sealed class DrillRunsState
{
    [Id(0)] public Dictionary<string, DrillRunInfo> Runs { get; set; } = new(StringComparer.Ordinal);
}
