namespace CityTwin.Storage.Tests;

/// <summary>A clock-shaped state, as the previous storage serializer wrote one (enum as a number).</summary>
public sealed record PreviousClock
{
    public DateTimeOffset SimTime { get; init; }
    public double Speed { get; init; }
    public bool Paused { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    public DayOfWeek Day { get; init; }
}
