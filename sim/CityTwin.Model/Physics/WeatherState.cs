namespace CityTwin.Model.Physics;

/// <summary>City-wide weather at one instant.</summary>
/// <param name="TemperatureC">Air temperature, °C.</param>
/// <param name="RainMmH">Rain rate, mm/h.</param>
/// <param name="CloudCover">Sky fraction covered, 0..1.</param>
/// <param name="WindMs">Wind speed at 10 m, m/s.</param>
/// <param name="RelativeHumidity">Relative humidity, %.</param>
public sealed record WeatherState(double TemperatureC, double RainMmH, double CloudCover, double WindMs, double RelativeHumidity)
{
    /// <summary>A dry, mild, breezy reference state for tests and scenarios.</summary>
    public static WeatherState Mild { get; } = new(18, 0, 0.3, 3, 60);
}
