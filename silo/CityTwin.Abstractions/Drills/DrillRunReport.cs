using CityTwin.Abstractions.Alarms;

namespace CityTwin.Abstractions.Drills;

/// <summary>What a run's after-action report is made from: the run, its script and every alarm it raised with its timeline.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.DrillRunReport")]
public sealed record DrillRunReport(
    [property: Id(0)] DrillRunInfo Run,
    [property: Id(1)] Drill Drill,
    [property: Id(2)] IReadOnlyList<AlarmDetail> Alarms);
