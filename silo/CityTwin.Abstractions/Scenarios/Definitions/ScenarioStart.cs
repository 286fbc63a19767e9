namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// The start of a scenario. <see cref="ScenarioStartKind.BaselineDay"/> starts at local midnight
/// (city time) of <see cref="Date"/>; <see cref="ScenarioStartKind.ForkLive"/> starts at <see cref="Instant"/>.
/// The models keep no state (every value is a pure function of seed, time and the static city), so
/// forking the live twin is starting at its clock with its seed: the first baseline step reproduces
/// what the live twin showed at that instant. The engine turns a start into its first instant
/// (it knows the city's time zone; this contract does not).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioStart")]
public sealed record ScenarioStart(
    [property: Id(0)] ScenarioStartKind Kind,
    [property: Id(1)] DateOnly? Date = null,
    [property: Id(2)] DateTimeOffset? Instant = null)
{
    public static ScenarioStart BaselineDay(DateOnly date) => new(ScenarioStartKind.BaselineDay, Date: date);

    public static ScenarioStart ForkLive(DateTimeOffset instant) => new(ScenarioStartKind.ForkLive, Instant: instant);
}
