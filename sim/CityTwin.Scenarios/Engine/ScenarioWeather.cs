using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.Physics;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// The scenario's weather: the seeded weather of the live twin with the definition's conditions
/// laid over it. A design storm forces cloud, humidity, wind and evaporative cooling by the same
/// rules the weather model applies to its own rain (docs/models.md §2), so a storm is also dark,
/// humid and a little cooler. Memoised by instant because the flood model re-reads the last three
/// hours at every step; one instance per thread.
/// </summary>
internal sealed class ScenarioWeather(WeatherModel weather, DateTimeOffset start, ScenarioConditions conditions)
{
    private readonly Dictionary<long, WeatherState> _memo = [];

    public WeatherState At(DateTimeOffset instant)
    {
        var key = instant.UtcTicks;
        if (_memo.TryGetValue(key, out var cached)) return cached;
        var state = Apply(weather.At(instant), (instant - start).TotalHours);
        _memo[key] = state;
        return state;
    }

    private WeatherState Apply(WeatherState w, double hours)
    {
        if (conditions.HeavyRain is { } storm && hours >= storm.StartHours && hours < storm.StartHours + storm.DurationHours && storm.RainMmH > w.RainMmH)
        {
            var rain = storm.RainMmH;
            w = w with
            {
                RainMmH = rain,
                TemperatureC = w.TemperatureC - 1.5 * (Math.Min(1, rain / 8) - Math.Min(1, w.RainMmH / 8)),
                CloudCover = Math.Clamp(Math.Max(w.CloudCover, 0.85 + 0.15 * Math.Min(1, rain / 4)), 0, 1),
                WindMs = Math.Clamp(w.WindMs + 1.5 * (Math.Min(1, rain / 10) - Math.Min(1, w.RainMmH / 10)), 0.3, 25),
                RelativeHumidity = Math.Clamp(Math.Max(w.RelativeHumidity, 88 + Math.Min(10, rain)), 15, 100),
            };
        }
        var offset = OffsetC(conditions, hours);
        return offset == 0 ? w : w with { TemperatureC = w.TemperatureC + offset };
    }

    /// <summary>Temperature added at <paramref name="hours"/> after the start: the offset profile plus the heatwave.</summary>
    public static double OffsetC(ScenarioConditions conditions, double hours) =>
        ProfileC(conditions.TemperatureOffsets, hours) + (conditions.Heatwave is { } h ? HeatwaveC(h, hours) : 0);

    /// <summary>Piecewise linear between the points, flat before the first and after the last.</summary>
    public static double ProfileC(IReadOnlyList<TemperatureOffsetPoint>? points, double hours)
    {
        if (points is null || points.Count == 0) return 0;
        if (hours <= points[0].AtHours) return points[0].OffsetC;
        for (var i = 1; i < points.Count; i++)
        {
            var b = points[i];
            if (hours > b.AtHours) continue;
            var a = points[i - 1];
            var span = b.AtHours - a.AtHours;
            return span > 0 ? a.OffsetC + (b.OffsetC - a.OffsetC) * (hours - a.AtHours) / span : b.OffsetC;
        }
        return points[^1].OffsetC;
    }

    /// <summary>Trapezoid: up over the first quarter of the heatwave (at most 12 h), flat, down over the last quarter.</summary>
    public static double HeatwaveC(HeatwaveCondition heatwave, double hours)
    {
        var x = hours - heatwave.StartHours;
        var duration = heatwave.DurationHours;
        if (x < 0 || x >= duration || duration <= 0) return 0;
        var ramp = Math.Min(12, duration / 4);
        var shape = x < ramp ? x / ramp : x > duration - ramp ? (duration - x) / ramp : 1;
        return heatwave.PeakC * shape;
    }
}
