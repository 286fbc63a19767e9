namespace CityTwin.Abstractions.Clock;

/// <summary>The twin's simulated clock: where it is, how fast it runs, whether it is paused.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ClockState")]
public sealed record ClockState(
    [property: Id(0)] DateTimeOffset SimTime,
    [property: Id(1)] double Speed,
    [property: Id(2)] bool Paused);
