using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using CityTwin.Model.City;
using CityTwin.Model.Telemetry;

namespace CityTwin.Web.Live;

/// <summary>Turns internal state into the wire shapes of frames and API answers.</summary>
public sealed class FrameFactory(CityCatalog catalog, LiveState state, TelemetryGenerator generator)
{
    public static string StatusName(AssetStatus status) => status switch
    {
        AssetStatus.Ok => "ok",
        AssetStatus.Warning => "warning",
        AssetStatus.Alarm => "alarm",
        _ => "offline",
    };

    public static string LevelName(AreaLevel level) => level switch
    {
        AreaLevel.City => "city",
        AreaLevel.Gu => "gu",
        _ => "dong",
    };

    public static IReadOnlyDictionary<string, double> NamedValues(AssetKind kind, double[] values)
    {
        var channels = AssetKinds.Of(kind).Channels;
        var named = new Dictionary<string, double>(values.Length);
        for (var i = 0; i < values.Length && i < channels.Count; i++) named[channels[i]] = values[i];
        return named;
    }

    public AssetFrameItem Asset(int index)
    {
        var asset = catalog.Assets[index];
        return new AssetFrameItem(asset.Id, StatusName(state.StatusOf(index)), NamedValues(asset.Kind, state.ValuesOf(index)), state.TimestampOf(index));
    }

    public static AreaFrameItem Area(AreaLevel level, string code, KpiSet kpis) =>
        new(code, LevelName(level), kpis.ToPublic());

    /// <summary>The clock with the weather and daylight the models see at that instant (a pure function of time and seed).</summary>
    public ClockFrame Clock(ClockState clock)
    {
        var c = generator.ConditionsAt(clock.SimTime);
        return new ClockFrame(
            clock.SimTime.ToString("O"), clock.Speed, clock.Paused,
            c.Sunrise.ToString("O"), c.Sunset.ToString("O"),
            Math.Round(c.Weather.TemperatureC, 1), Math.Round(c.Weather.RainMmH, 1), clock.Timeline);
    }
}
