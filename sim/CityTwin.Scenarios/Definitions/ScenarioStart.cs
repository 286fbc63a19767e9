using CityTwin.Model.Physics;

namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// The start of a scenario. <see cref="ScenarioStartKind.BaselineDay"/> starts at local midnight
/// (city time) of <see cref="Date"/>; <see cref="ScenarioStartKind.ForkLive"/> starts at <see cref="Instant"/>.
/// The models keep no state (every value is a pure function of seed, time and the static city), so
/// forking the live twin is starting at its clock with its seed: the first baseline step reproduces
/// what the live twin showed at that instant.
/// </summary>
public sealed record ScenarioStart(ScenarioStartKind Kind, DateOnly? Date = null, DateTimeOffset? Instant = null)
{
    public static ScenarioStart BaselineDay(DateOnly date) => new(ScenarioStartKind.BaselineDay, Date: date);

    public static ScenarioStart ForkLive(DateTimeOffset instant) => new(ScenarioStartKind.ForkLive, Instant: instant);

    /// <summary>The first simulated instant (UTC) on the city's clock. Call only on a validated start.</summary>
    public DateTimeOffset StartInstant(CityClock clock) => Kind switch
    {
        ScenarioStartKind.BaselineDay when Date is { } d => clock.AtLocal(CityClock.LocalDayIndex(d), 0),
        ScenarioStartKind.ForkLive when Instant is { } i => i.ToOffset(TimeSpan.Zero),
        _ => throw new InvalidOperationException($"a {Kind} start needs its {(Kind == ScenarioStartKind.BaselineDay ? "date" : "instant")}"),
    };
}
