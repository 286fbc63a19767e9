namespace CityTwin.Model.Physics;

/// <summary>
/// Everything city-wide at one instant, computed once per tick and shared by every asset model.
/// Build it with <see cref="ConditionsModel"/> (or TelemetryGenerator.ConditionsAt); tests and
/// scenarios may vary single drivers with <c>with { TrafficDemand = … }</c> to isolate a coupling.
/// Local-time members are derived from <see cref="SimTime"/>, so they can never disagree with it.
/// </summary>
/// <param name="SimTime">The simulated instant (UTC).</param>
/// <param name="UtcOffset">The city's offset from UTC at that instant (its time zone, daylight saving included).</param>
/// <param name="Weather">City-wide weather.</param>
/// <param name="SolarElevationDeg">Geometric elevation of the sun's centre at the city's location, degrees.</param>
/// <param name="Sunrise">Apparent sunrise of the local date (city time).</param>
/// <param name="Sunset">Apparent sunset of the local date (city time).</param>
/// <param name="ClearSkyGhiWm2">Clear-sky global horizontal irradiance, W/m² (before clouds).</param>
/// <param name="TrafficDemand">Road traffic demand, multiple of the average weekday hour.</param>
/// <param name="RegionalPm25">Regional background PM2.5 before local weather, µg/m³.</param>
/// <param name="DustPm10">Extra coarse dust from desert-dust episodes, µg/m³ of PM10.</param>
/// <param name="MidwinterDayOfYear">Day of the year in the middle of the city's coldest month (its climate's seasons).</param>
/// <param name="RainHistoryMmH">Rain rate every <see cref="FloodModel.HistoryStepMinutes"/> min over the last 3 h, oldest first; the last is now.</param>
public sealed record CityConditions(
    DateTimeOffset SimTime,
    TimeSpan UtcOffset,
    WeatherState Weather,
    double SolarElevationDeg,
    DateTimeOffset Sunrise,
    DateTimeOffset Sunset,
    double ClearSkyGhiWm2,
    double TrafficDemand,
    double RegionalPm25,
    double DustPm10,
    int MidwinterDayOfYear,
    IReadOnlyList<double> RainHistoryMmH)
{
    /// <summary>The same instant on the city's civil clock.</summary>
    public DateTimeOffset LocalTime => SimTime.ToOffset(UtcOffset);

    /// <summary>Local days since 1970-01-01 (the bucket of daily seeded events).</summary>
    public long LocalDay => CityClock.LocalDayIndex(SimTime, UtcOffset);

    /// <summary>Local clock hour with fractions, 0 ≤ h &lt; 24.</summary>
    public double LocalHour => CityClock.LocalHour(SimTime, UtcOffset);

    /// <summary>Continuous local time in days since the epoch (for smooth seeded noise).</summary>
    public double LocalDays => CityClock.LocalDays(SimTime, UtcOffset);

    /// <summary>Whole UTC hours since the epoch (the bucket of outages).</summary>
    public long HourIndex => CityClock.HourIndex(SimTime);

    /// <summary>Civil darkness for switching lights: the sun's centre below the apparent horizon (−0.833°).</summary>
    public bool IsDark => SolarElevationDeg < SolarCalculator.HorizonDeg;
}
