namespace CityTwin.Grains;

/// <summary>How the city clock starts (configuration section <c>Clock</c>).</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>Simulated start instant; default: now.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Simulated seconds per wall-clock second (1 = real time; 60 = a day in 24 minutes).</summary>
    public double Speed { get; set; } = 1;

    public bool Paused { get; set; }
}
