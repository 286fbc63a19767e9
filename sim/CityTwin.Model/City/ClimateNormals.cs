namespace CityTwin.Model.City;

/// <summary>
/// Monthly normals of a city (index 0 = January) that drive the seeded weather and the regional
/// air: each table comes from the pack's manifest with its source. <see cref="Interpolate"/>
/// reads a table at any day of the year.
/// </summary>
/// <param name="MeanTemperatureC">Mean daily air temperature, °C.</param>
/// <param name="DiurnalRangeC">Daily range (Tmax − Tmin) of a dry day, °C; wet days swing 40 % less.</param>
/// <param name="AnomalySigmaC">Standard deviation of the day-to-day anomaly of the daily mean, °C.</param>
/// <param name="HeatwaveChance">Chance per 10-day window that a heatwave episode (+3–6 °C for 3–8 days) starts.</param>
/// <param name="RainTotalMm">Monthly rain, mm.</param>
/// <param name="WetDays">Days with rain per month.</param>
/// <param name="BurstChance">Chance that a wet day also carries a short convective burst (tens of mm/h).</param>
/// <param name="CloudCover">Mean cloud cover, 0..1.</param>
/// <param name="WindMs">Mean wind speed at 10 m, m/s.</param>
/// <param name="RelativeHumidityPct">Mean relative humidity, %.</param>
/// <param name="RegionalPm25">Regional background PM2.5, µg/m³ (before local traffic).</param>
/// <param name="Pm25EpisodeChance">Chance per 4-day window that a pollution episode starts.</param>
/// <param name="DustChance">Chance per 7-day window of a desert-dust episode loading PM10 with coarse dust.</param>
/// <param name="LongRainMonths">Months (1–12) whose rain events last longest (a monsoon or wet season).</param>
public sealed record ClimateNormals(
    IReadOnlyList<double> MeanTemperatureC,
    IReadOnlyList<double> DiurnalRangeC,
    IReadOnlyList<double> AnomalySigmaC,
    IReadOnlyList<double> HeatwaveChance,
    IReadOnlyList<double> RainTotalMm,
    IReadOnlyList<double> WetDays,
    IReadOnlyList<double> BurstChance,
    IReadOnlyList<double> CloudCover,
    IReadOnlyList<double> WindMs,
    IReadOnlyList<double> RelativeHumidityPct,
    IReadOnlyList<double> RegionalPm25,
    IReadOnlyList<double> Pm25EpisodeChance,
    IReadOnlyList<double> DustChance,
    IReadOnlyList<int> LongRainMonths)
{
    /// <summary>
    /// Day of the year in the middle of the coldest month (15 for mid-January, 196 for mid-July):
    /// where the seasonal cycles of winter-high loads (NO2) and summer-high ones (water) are anchored,
    /// so a southern city gets its own seasons.
    /// </summary>
    public int MidwinterDayOfYear
    {
        get
        {
            var coldest = 0;
            for (var m = 1; m < 12; m++)
                if (MeanTemperatureC[m] < MeanTemperatureC[coldest]) coldest = m;
            return new DateOnly(2001, coldest + 1, 15).DayOfYear;
        }
    }

    /// <summary>
    /// A monthly normal at a day of the year, linearly interpolated between mid-month anchors so
    /// that the seasons change smoothly instead of stepping on the first of the month.
    /// </summary>
    public static double Interpolate(IReadOnlyList<double> monthly, DateOnly date, double fractionOfDay = 0.5)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        var position = date.Month - 1 + (date.Day - 1 + fractionOfDay) / daysInMonth - 0.5; // 0 = mid-January
        var i = (int)Math.Floor(position);
        var f = position - i;
        var a = monthly[(i + 12) % 12];
        var b = monthly[(i + 13) % 12];
        return a + (b - a) * f;
    }
}
