namespace CityTwin.Abstractions.Stakeholders;

/// <summary>
/// One KPI as a lens weighs it. <see cref="Better"/> is the lens's own direction ("lower" or
/// "higher"), which may differ from the catalogue's: a group can want more of what another wants
/// less of. <see cref="RedLinePercent"/> is the largest worsening, in percent of the baseline, the
/// group accepts; a run past it is flagged whatever its score.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LensKpi")]
public sealed record LensKpi
{
    [Id(0)] public required string Kpi { get; init; }
    [Id(1)] public required double Weight { get; init; }
    [Id(2)] public required string Better { get; init; }
    [Id(3)] public double? RedLinePercent { get; init; }
}
