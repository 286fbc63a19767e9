using CityTwin.Abstractions.Drills;
using CityTwin.Grains.Alarms;

namespace CityTwin.Grains.Drills;

/// <summary>Stored state of one <see cref="DrillRunGrain"/>: the run, its script, how many steps fired, and its own alarm book.</summary>
[GenerateSerializer, Alias("CityTwin.DrillRunState")]
public sealed class DrillRunState
{
    [Id(0)] public DrillRunInfo? Info { get; set; }
    [Id(1)] public Drill? Drill { get; set; }
    [Id(2)] public AlarmBookState Book { get; set; } = new();
}
