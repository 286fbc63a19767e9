namespace CityTwin.Model.Physics;

/// <summary>
/// Apparent sunrise, solar noon and sunset of one local date (sun's upper limb on a refracted
/// horizon, i.e. centre at −0.833°). In polar day or night sunrise and sunset collapse onto solar
/// noon ± 12 h or onto noon itself (only beyond the polar circles).
/// </summary>
public sealed record SunTimes(DateTimeOffset Sunrise, DateTimeOffset SolarNoon, DateTimeOffset Sunset)
{
    public TimeSpan DayLength => Sunset - Sunrise;
}
