namespace CityTwin.Abstractions.Scenarios;

/// <summary>
/// What a district run sends back: the district's channel series (to build the city's), its
/// inventory, and per-dong totals. Dong series stay behind: the city and its districts are what
/// planners chart, and a whole city of dong series would weigh tens of megabytes per run.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.PartitionOutcome")]
public sealed record PartitionOutcome
{
    [Id(0)] public required string GuCode { get; init; }
    [Id(1)] public DateTimeOffset Start { get; init; }
    [Id(2)] public TimeSpan Step { get; init; }
    [Id(3)] public int Steps { get; init; }
    /// <summary>Population, road assets, air stations, substations, flood sensors, streetlight circuits, buildings.</summary>
    [Id(4)] public required int[] Inventory { get; init; }
    [Id(5)] public required double[] Baseline { get; init; }
    [Id(6)] public required double[] Scenario { get; init; }
    [Id(7)] public required AreaTotals[] Dongs { get; init; }
    [Id(8)] public required ScopeTotals[] Scopes { get; init; }
    [Id(9)] public required string[] Notes { get; init; }
    /// <summary>The units each intervention pays for in each dong (the district's costs, dong by dong).</summary>
    [Id(10)] public DongCost[] Costs { get; init; } = [];
    /// <summary>The seed this outcome was run with (a run may repeat over several).</summary>
    [Id(11)] public int Seed { get; init; }
}
