using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.Physics;

namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// The first simulated instant of a start. It lives with the engine rather than on the contract
/// because a baseline day begins at the city's local midnight, which only the models know.
/// </summary>
public static class ScenarioStartExtensions
{
    /// <summary>The first simulated instant (UTC) on the city's clock. Call only on a validated start.</summary>
    public static DateTimeOffset StartInstant(this ScenarioStart start, CityClock clock)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(clock);
        return start.Kind switch
        {
            ScenarioStartKind.BaselineDay when start.Date is { } d => clock.AtLocal(CityClock.LocalDayIndex(d), 0),
            ScenarioStartKind.ForkLive when start.Instant is { } i => i.ToOffset(TimeSpan.Zero),
            _ => throw new InvalidOperationException(
                $"a {start.Kind} start needs its {(start.Kind == ScenarioStartKind.BaselineDay ? "date" : "instant")}"),
        };
    }
}
