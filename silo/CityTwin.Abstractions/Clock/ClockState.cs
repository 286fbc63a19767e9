namespace CityTwin.Abstractions.Clock;

/// <summary>
/// The twin's simulated clock: where it is, how fast it runs, whether it is paused, and its
/// timeline: a number that grows by one every time the clock is set to an instant (a trainer's
/// jump back or forward). Telemetry carries the timeline it was made in, so the dongs can tell a
/// jump (start over from the new instant) from a late message (drop it).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ClockState")]
public sealed record ClockState(
    [property: Id(0)] DateTimeOffset SimTime,
    [property: Id(1)] double Speed,
    [property: Id(2)] bool Paused,
    [property: Id(3)] int Timeline = 0);
