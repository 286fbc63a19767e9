using CityTwin.Scenarios.Results;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// Where the traffic of a district's closed roads goes, in the flat form the step loop reads:
/// <see cref="Closed"/> lists the closed road items; the incoming diversions of road item j are
/// entries <see cref="RoadItem.DiversionStart"/> to <see cref="RoadItem.DiversionEnd"/> of
/// <see cref="Source"/> (an index into <see cref="Closed"/>) and <see cref="Share"/>.
/// <see cref="Diversions"/> is the same for the planner, by asset id.
/// </summary>
internal sealed record RoadDiversionPlan(int[] Closed, int[] Source, double[] Share, IReadOnlyList<RoadDiversion> Diversions)
{
    public static RoadDiversionPlan None { get; } = new([], [], [], []);
}
