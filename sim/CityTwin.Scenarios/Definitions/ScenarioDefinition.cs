namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// A what-if scenario: a start, a horizon cut into equal steps, the seed of the weather and of every
/// random draw, the imposed conditions and the interventions. The engine runs it twice over the same
/// steps: the <b>baseline</b> (seeded weather, no intervention) and the <b>scenario</b> (conditions and
/// interventions). With <see cref="ConditionsInBaseline"/> the baseline also gets the conditions, so
/// the difference isolates what the interventions do under that weather.
/// </summary>
public sealed record ScenarioDefinition(
    string Name,
    string? Description,
    ScenarioStart Start,
    TimeSpan Horizon,
    TimeSpan Step,
    int Seed,
    ScenarioConditions? Conditions,
    IReadOnlyList<ScenarioIntervention>? Interventions)
{
    public bool ConditionsInBaseline { get; init; }

    /// <summary>Steps in the horizon (meaningful once validated: the step divides the horizon).</summary>
    public int StepCount => Step > TimeSpan.Zero ? (int)(Horizon.Ticks / Step.Ticks) : 0;
}
