namespace CityTwin.Abstractions.Alarms;

/// <summary>What a rule watches.</summary>
public enum AlarmRuleType
{
    /// <summary>An asset channel beyond a limit, with hysteresis on the way back and an optional delay.</summary>
    Threshold = 0,
    /// <summary>An asset channel changing faster than a limit per minute (simulated time).</summary>
    RateOfChange = 1,
    /// <summary>An asset silent (or reporting itself offline) for longer than a limit in minutes.</summary>
    Stale = 2,
    /// <summary>An area KPI (a dong's or a gu's) beyond a limit, with hysteresis and delay.</summary>
    AreaKpi = 3,
}
