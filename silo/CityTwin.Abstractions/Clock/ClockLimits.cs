namespace CityTwin.Abstractions.Clock;

/// <summary>Speeds a user may choose: real time up to one simulated day in 4 minutes.</summary>
public static class ClockLimits
{
    public const double MinSpeed = 1;
    public const double MaxSpeed = 360;
}
