namespace CityTwin.Model.Physics;

/// <summary>
/// Monthly climate normals for Incheon (index 0 = January). Sourced values (model-facts §3):
/// annual mean 12.5 °C (Incheon City climate page), January −2.1 °C (1981–2010), June 21.2,
/// July 24.6, August 25.9 °C, annual rain 1,234.4 mm, July ≈327 mm, August ≈285 mm [verify].
/// The other months are interpolated along the usual East-Asian monsoon curve and chosen so the
/// twelve months average exactly 12.5 °C and add up to 1,234 mm; docs/models.md marks them as
/// assumptions to be replaced by the KMA station-112 normals.
/// </summary>
public static class IncheonClimate
{
    public static IReadOnlyList<double> MeanTemperatureC { get; } =
        [-2.1, 0.3, 5.3, 11.2, 16.6, 21.2, 24.6, 25.9, 22.0, 15.6, 8.2, 1.2];

    /// <summary>Daily range (Tmax − Tmin) of a dry day, °C: a coastal station, widest in dry spring; wet days swing 40 % less, so the monthly mean range is narrowest in the monsoon.</summary>
    public static IReadOnlyList<double> DiurnalRangeC { get; } =
        [7.0, 7.5, 8.0, 8.5, 8.0, 7.0, 6.5, 7.0, 7.5, 8.0, 7.5, 7.0];

    /// <summary>Standard deviation of the day-to-day anomaly of the daily mean, °C (winter cold surges are larger).</summary>
    public static IReadOnlyList<double> AnomalySigmaC { get; } =
        [3.0, 3.0, 2.6, 2.2, 1.8, 1.6, 1.6, 1.7, 1.7, 2.0, 2.6, 3.0];

    /// <summary>
    /// Chance per 10-day window that a heatwave episode (+3–6 °C on the daily mean for 3–8 days)
    /// starts. Incheon's sea breeze keeps it cooler than inland Korea (national normal 10.7
    /// heatwave days a summer, 13.9 in 2023, model-facts §7), so the chances are modest.
    /// </summary>
    public static IReadOnlyList<double> HeatwaveChance { get; } =
        [0, 0, 0, 0, 0, 0.05, 0.30, 0.40, 0.10, 0, 0, 0];

    public static IReadOnlyList<double> RainTotalMm { get; } =
        [20, 25, 40, 70, 95, 110, 327, 285, 140, 50, 50, 22];

    /// <summary>Days with rain per month: the monsoon (jangma) doubles the wet-day count in July.</summary>
    public static IReadOnlyList<double> WetDays { get; } =
        [6, 6, 7, 8, 8, 9, 15, 13, 8, 6, 8, 7];

    /// <summary>Chance that a wet day also carries a short convective burst (tens of mm/h).</summary>
    public static IReadOnlyList<double> BurstChance { get; } =
        [0, 0, 0, 0, 0.02, 0.06, 0.10, 0.10, 0.07, 0.02, 0, 0];

    /// <summary>Mean cloud cover, 0..1: clear dry winters under the Siberian high, cloudy monsoon summers.</summary>
    public static IReadOnlyList<double> CloudCover { get; } =
        [0.40, 0.42, 0.48, 0.50, 0.50, 0.60, 0.72, 0.65, 0.55, 0.42, 0.45, 0.42];

    /// <summary>Mean wind speed at 10 m, m/s: a windy coastal site, strongest in the spring monsoon change-over.</summary>
    public static IReadOnlyList<double> WindMs { get; } =
        [3.4, 3.4, 3.6, 3.6, 3.1, 2.7, 2.9, 2.7, 2.6, 2.8, 3.2, 3.4];

    public static IReadOnlyList<double> RelativeHumidityPct { get; } =
        [62, 62, 64, 67, 72, 78, 85, 80, 73, 67, 65, 63];

    /// <summary>
    /// A monthly normal at a day of the year, linearly interpolated between mid-month anchors so
    /// that the seasons change smoothly instead of stepping on the first of the month.
    /// </summary>
    public static double Interpolate(IReadOnlyList<double> monthly, DateOnly date, double fractionOfDay = 0.5)
    {
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        var position = date.Month - 1 + (date.Day - 1 + fractionOfDay) / daysInMonth - 0.5; // 0 = mid-January
        var i = (int)Math.Floor(position);
        var f = position - i;
        var a = monthly[(i + 12) % 12];
        var b = monthly[(i + 13) % 12];
        return a + (b - a) * f;
    }
}
