namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// A what-if scenario: a start, a horizon cut into equal steps, the seed of the weather and of every
/// random draw, the imposed conditions and the interventions. The engine runs it twice over the same
/// steps: the <b>baseline</b> (the conditions, no intervention) and the <b>scenario</b> (the conditions
/// and the interventions), whatever the start. Both runs share the weather so that the difference is
/// what the interventions do under it, never the weather itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioDefinition")]
public sealed record ScenarioDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] ScenarioStart Start,
    [property: Id(3)] TimeSpan Horizon,
    [property: Id(4)] TimeSpan Step,
    [property: Id(5)] int Seed,
    [property: Id(6)] ScenarioConditions? Conditions,
    [property: Id(7)] IReadOnlyList<ScenarioIntervention>? Interventions,
    [property: Id(8)] ScenarioEconomics? Economics = null,
    [property: Id(9)] int SeedCount = 1)
{
    /// <summary>
    /// The seeds the run repeats over: <see cref="Seed"/>, <see cref="Seed"/> + 1, … (<see cref="SeedCount"/>
    /// of them; definitions stored before runs repeated read as one seed). A method, not a property, so
    /// it is never serialised beside the fields it derives from.
    /// </summary>
    public IReadOnlyList<int> SeedList() => [.. Enumerable.Range(0, Math.Max(1, SeedCount)).Select(i => unchecked(Seed + i))];

    /// <summary>Steps in the horizon (meaningful once validated: the step divides the horizon).</summary>
    public int StepCount => Step > TimeSpan.Zero ? (int)(Horizon.Ticks / Step.Ticks) : 0;
}
