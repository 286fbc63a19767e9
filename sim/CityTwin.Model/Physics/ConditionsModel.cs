using CityTwin.Model.City;

namespace CityTwin.Model.Physics;

/// <summary>
/// Builds <see cref="CityConditions"/> for an instant: weather, sun, traffic demand, regional air
/// and the recent rain history. Pure: the same seed and instant always give the same conditions.
/// </summary>
public sealed class ConditionsModel
{
    private readonly int _seed;
    private readonly CityPack _city;

    public ConditionsModel(CityPack city, int seed)
    {
        ArgumentNullException.ThrowIfNull(city);
        _seed = seed;
        _city = city;
        Weather = new WeatherModel(city, seed);
    }

    public WeatherModel Weather { get; }

    /// <summary>Conditions with the seeded weather.</summary>
    public CityConditions At(DateTimeOffset simTime)
    {
        var utc = simTime.ToOffset(TimeSpan.Zero);
        var history = new double[FloodModel.HistorySteps + 1];
        for (var k = 0; k < history.Length; k++)
            history[k] = Weather.RainAt(utc.AddMinutes(-(FloodModel.HistorySteps - k) * FloodModel.HistoryStepMinutes));
        return Build(utc, Weather.At(utc), history);
    }

    /// <summary>
    /// Conditions with a fixed weather state, taken as steady: it is assumed to have held for the
    /// whole rain history, so flood sensors show where three hours of that rain lead.
    /// </summary>
    public CityConditions At(DateTimeOffset simTime, WeatherState weather)
    {
        var history = new double[FloodModel.HistorySteps + 1];
        Array.Fill(history, Math.Max(0, weather.RainMmH));
        return Build(simTime.ToOffset(TimeSpan.Zero), weather, history);
    }

    /// <summary>
    /// Conditions under a weather function of time (a scenario's storm, a heatwave): the rain
    /// history is re-evaluated from the function, so a storm that starts now fills the ponds gradually.
    /// </summary>
    public CityConditions At(DateTimeOffset simTime, Func<DateTimeOffset, WeatherState> weather)
    {
        ArgumentNullException.ThrowIfNull(weather);
        var utc = simTime.ToOffset(TimeSpan.Zero);
        var history = new double[FloodModel.HistorySteps + 1];
        for (var k = 0; k < history.Length; k++)
            history[k] = Math.Max(0, weather(utc.AddMinutes(-(FloodModel.HistorySteps - k) * FloodModel.HistoryStepMinutes)).RainMmH);
        return Build(utc, weather(utc), history);
    }

    private CityConditions Build(DateTimeOffset utc, WeatherState weather, double[] rainHistory)
    {
        var local = _city.Clock.ToLocal(utc);
        var elevation = SolarCalculator.ElevationDeg(utc, _city.Location);
        var sun = SolarCalculator.SunTimes(DateOnly.FromDateTime(local.DateTime), _city.Location, _city.Clock);
        return new CityConditions(
            utc,
            local.Offset,
            weather,
            elevation,
            sun.Sunrise,
            sun.Sunset,
            SolarCalculator.ClearSkyGhi(elevation),
            TrafficDemand.At(local),
            AirQualityModel.RegionalPm25(_city, _seed, utc),
            AirQualityModel.DustPm10(_city, _seed, utc),
            _city.Climate.MidwinterDayOfYear,
            rainHistory);
    }
}
