using CityTwin.Model.City;

namespace CityTwin.Model.Physics;

/// <summary>
/// Seeded synthetic weather for a city's climate normals: a pure function of (pack, seed, instant) with no stored state,
/// so any past or future instant can be re-evaluated (the flood model integrates the last three
/// hours of rain this way) and two processes always agree.
/// <list type="bullet">
/// <item>Temperature: monthly normal (<see cref="ClimateNormals"/>) + a smooth day-to-day anomaly
/// with a synoptic (~4-day) and a daily component, shaped over the day with the minimum at
/// sunrise and the maximum at 15:00 (the classic two-piece cosine diurnal model).</item>
/// <item>Rain: each local day is wet with the month's wet-day frequency and then carries one or two
/// stratiform events (exponentially distributed depth, 2–16 h, sine-shaped) and, in summer, a
/// convective burst of 25–90 mm/h for 1–2 h (the range of Korean station records, KMA). Event
/// depths are set so the expected monthly totals equal the normals.</item>
/// <item>Cloud, wind and humidity: monthly normals + smooth noise, forced by rain.</item>
/// </list>
/// </summary>
public sealed class WeatherModel
{
    /// <summary>Mean depth of one convective burst: peak E[25 + 65u²] = 46.7 mm/h × sin² shape × mean 1.5 h / 2.</summary>
    private const double ExpectedBurstDepthMm = (25 + 65.0 / 3) * 1.5 / 2;

    private const double HeatwaveWindowDays = 10;

    /// <summary>E[amplitude 3–6 °C] × E[duration 3–8 d] × 2/π (mean of a sine bump).</summary>
    private const double ExpectedHeatwaveDegreeDaysPerWindow = 4.5 * 5.5 * 2 / Math.PI;

    private readonly int _seed;
    private readonly ClimateNormals _climate;
    private readonly CityClock _clock;
    private readonly CityLocation _location;
    private readonly bool[] _longRain = new bool[12];

    public WeatherModel(CityPack city, int seed)
    {
        ArgumentNullException.ThrowIfNull(city);
        _seed = seed;
        _climate = city.Climate;
        _clock = city.Clock;
        _location = city.Location;
        foreach (var month in _climate.LongRainMonths) _longRain[month - 1] = true;
    }

    public int Seed => _seed;

    public WeatherState At(DateTimeOffset instant)
    {
        var day = _clock.LocalDayIndex(instant);
        var hour = _clock.LocalHour(instant);
        var days = _clock.LocalDays(instant);
        var date = CityClock.LocalDate(day);
        var rain = Rain(day, hour, out var nearRain);

        var temperature = Temperature(day, hour) - 1.5 * Math.Min(1, rain / 8); // evaporative cooling under showers

        var cloud = ClimateNormals.Interpolate(_climate.CloudCover, date, hour / 24) + 0.22 * SeededRandom.Smooth(_seed, RandomStream.Cloud, 0, days * 1.5);
        if (nearRain) cloud = Math.Max(cloud, 0.75);
        if (rain > 0) cloud = Math.Max(cloud, 0.85 + 0.15 * Math.Min(1, rain / 4));
        cloud = Math.Clamp(cloud, 0, 1);

        // Wind peaks mid-afternoon (+25 %) and drops at night; showers bring gusts.
        var wind = ClimateNormals.Interpolate(_climate.WindMs, date, hour / 24)
            * Math.Exp(0.3 * SeededRandom.Smooth(_seed, RandomStream.Wind, 0, days * 2))
            * (1 + 0.25 * Math.Sin(2 * Math.PI * (hour - 9) / 24))
            + 1.5 * Math.Min(1, rain / 10);
        wind = Math.Clamp(wind, 0.3, 25);

        // Humidity falls as the afternoon warms (about 2.5 points per °C above the daily mean).
        var humidity = ClimateNormals.Interpolate(_climate.RelativeHumidityPct, date, hour / 24)
            - 2.5 * (temperature - DailyMeanC(day))
            + 6 * SeededRandom.Smooth(_seed, RandomStream.Humidity, 0, days * 1.5);
        if (rain > 0) humidity = Math.Max(humidity, 88 + Math.Min(10, rain));
        humidity = Math.Clamp(humidity, 15, 100);

        return new WeatherState(temperature, rain, cloud, wind, humidity);
    }

    /// <summary>Rain rate only (cheap): what the flood model samples at past instants.</summary>
    public double RainAt(DateTimeOffset instant) => Rain(_clock.LocalDayIndex(instant), _clock.LocalHour(instant), out _);

    /// <summary>Seasonal normal plus this seed's anomaly and heatwaves for a local day, °C.</summary>
    public double DailyMeanC(long localDay)
    {
        var date = CityClock.LocalDate(localDay);
        var sigma = ClimateNormals.Interpolate(_climate.AnomalySigmaC, date);
        var anomaly = 0.8 * SeededRandom.Smooth(_seed, RandomStream.TemperatureSlow, 0, localDay / 4.0)
            + 0.45 * SeededRandom.Smooth(_seed, RandomStream.TemperatureFast, 0, localDay);
        // Heatwaves add warmth on top of the normal; their expected contribution is taken off
        // the normal so that monthly means stay at the table values.
        var heatChance = ClimateNormals.Interpolate(_climate.HeatwaveChance, date);
        var heat = Heatwave(localDay) - heatChance * ExpectedHeatwaveDegreeDaysPerWindow / HeatwaveWindowDays;
        return ClimateNormals.Interpolate(_climate.MeanTemperatureC, date) + sigma * anomaly + heat;
    }

    /// <summary>Heatwave warming of a day, °C: a sine bump of 3–6 °C over 3–8 days, starting in 10-day windows.</summary>
    public double Heatwave(long localDay)
    {
        var window = (long)Math.Floor(localDay / HeatwaveWindowDays);
        var total = 0.0;
        for (var w = window - 1; w <= window; w++)
        {
            var windowStart = w * (long)HeatwaveWindowDays;
            var chance = ClimateNormals.Interpolate(_climate.HeatwaveChance, CityClock.LocalDate(windowStart));
            if (chance <= 0 || SeededRandom.Uniform(_seed, RandomStream.Heatwave, w, 0) >= chance) continue;
            var start = windowStart + 6 * SeededRandom.Uniform(_seed, RandomStream.Heatwave, w, 1);
            var duration = 3 + 5 * SeededRandom.Uniform(_seed, RandomStream.Heatwave, w, 2);
            var amplitude = 3 + 3 * SeededRandom.Uniform(_seed, RandomStream.Heatwave, w, 3);
            var x = (localDay + 0.5 - start) / duration;
            if (x is > 0 and < 1) total += amplitude * Math.Sin(Math.PI * x);
        }
        return total;
    }

    private double Temperature(long day, double hour)
    {
        const double peakHour = 15;
        var sunrise = SunriseHour(day);
        if (hour < sunrise)
        {
            var x = (hour + 24 - peakHour) / (sunrise + 24 - peakHour);
            return Blend(Tmax(day - 1), Tmin(day), x);
        }
        if (hour < peakHour)
        {
            var x = (hour - sunrise) / (peakHour - sunrise);
            return Blend(Tmin(day), Tmax(day), x);
        }
        var next = (hour - peakHour) / (SunriseHour(day + 1) + 24 - peakHour);
        return Blend(Tmax(day), Tmin(day + 1), next);
    }

    /// <summary>Half-cosine from <paramref name="from"/> (x = 0) to <paramref name="to"/> (x = 1).</summary>
    private static double Blend(double from, double to, double x) => to + (from - to) * (1 + Math.Cos(Math.PI * Math.Clamp(x, 0, 1))) / 2;

    private double Tmax(long day) => DailyMeanC(day) + DiurnalRange(day) / 2;

    private double Tmin(long day) => DailyMeanC(day) - DiurnalRange(day) / 2;

    /// <summary>Clouds and rain damp the daily range: a wet day swings about 40 % less.</summary>
    private double DiurnalRange(long day)
    {
        var normal = ClimateNormals.Interpolate(_climate.DiurnalRangeC, CityClock.LocalDate(day));
        var wet = IsWetDay(day) ? 0.6 : 1.0;
        return normal * wet * (1 + 0.15 * SeededRandom.Signed(_seed, RandomStream.TemperatureFast, 1, day));
    }

    private double SunriseHour(long day)
    {
        var sun = SolarCalculator.SunTimes(CityClock.LocalDate(day), _location, _clock);
        return sun.Sunrise.TimeOfDay.TotalHours;
    }

    private bool IsWetDay(long day)
    {
        var date = CityClock.LocalDate(day);
        var m = date.Month - 1;
        return SeededRandom.Uniform(_seed, RandomStream.RainDay, day, 0) < _climate.WetDays[m] / DateTime.DaysInMonth(date.Year, date.Month);
    }

    /// <summary>Sum of the events of today and yesterday (an evening event can run past midnight).</summary>
    private double Rain(long day, double hour, out bool nearRain)
    {
        nearRain = false;
        var total = 0.0;
        for (var d = day - 1; d <= day; d++)
        {
            if (!IsWetDay(d)) continue;
            var tau0 = (day - d) * 24 + hour; // hours since the start of day d
            var date = CityClock.LocalDate(d);
            var m = date.Month - 1;
            var wetDays = _climate.WetDays[m];
            var burstChance = _climate.BurstChance[m];
            var meanDepth = Math.Max(0.5, (_climate.RainTotalMm[m] - wetDays * burstChance * ExpectedBurstDepthMm) / wetDays);
            var monsoon = _longRain[m];
            var events = SeededRandom.Uniform(_seed, RandomStream.RainDay, d, 1) < 0.3 ? 2 : 1;
            double firstStart = 0, firstDuration = 0;
            for (var k = 0; k < events; k++)
            {
                var u = SeededRandom.Uniform(_seed, RandomStream.RainEvent, d, k * 4);
                var depth = Math.Min(-meanDepth * Math.Log(1 - u), 6 * meanDepth) / events;
                var duration = 2 + SeededRandom.Uniform(_seed, RandomStream.RainEvent, d, k * 4 + 1) * (monsoon ? 14 : 10);
                var start = SeededRandom.Uniform(_seed, RandomStream.RainEvent, d, k * 4 + 2) * 24;
                if (k == 0) (firstStart, firstDuration) = (start, duration);
                var tau = tau0 - start;
                if (tau > -2 && tau < duration + 2) nearRain = true;
                if (tau <= 0 || tau >= duration) continue;
                // Sine bump: area = peak · 2·duration/π, so peak = depth · π / (2·duration).
                var peak = depth * Math.PI / (2 * duration);
                var texture = Math.Max(0.2, 1 + 0.45 * SeededRandom.SmoothSigned(_seed, RandomStream.RainTexture, d * 4 + k, tau * 1.5));
                total += peak * Math.Sin(Math.PI * tau / duration) * texture;
            }
            if (burstChance > 0 && SeededRandom.Uniform(_seed, RandomStream.RainBurst, d, 0) < burstChance)
            {
                var start = firstStart + SeededRandom.Uniform(_seed, RandomStream.RainBurst, d, 1) * firstDuration - 0.5;
                var duration = 1 + SeededRandom.Uniform(_seed, RandomStream.RainBurst, d, 2);
                var ub = SeededRandom.Uniform(_seed, RandomStream.RainBurst, d, 3);
                var tau = tau0 - start;
                if (tau > 0 && tau < duration)
                {
                    var s = Math.Sin(Math.PI * tau / duration);
                    total += (25 + 65 * ub * ub) * s * s;
                }
            }
        }
        return total;
    }
}
