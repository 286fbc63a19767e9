using CityTwin.Abstractions.Clock;

namespace CityTwin.Abstractions.Live;

/// <summary>A silo's flushed <see cref="LiveFrame"/> in the shape it travels to web nodes of a cluster.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.LiveFrameMessage")]
public sealed record LiveFrameMessage(
    [property: Id(0)] AssetDelta[] Assets,
    [property: Id(1)] AreaKpis[] Kpis,
    [property: Id(2)] ClockState? Clock,
    [property: Id(3)] Alarms.AlarmView[]? Alarms = null)
{
    public static LiveFrameMessage From(LiveFrame frame) => new(
        [.. frame.Assets],
        [.. frame.Kpis.Select(k => new AreaKpis(k.Key.Level, k.Key.Code, k.Value))],
        frame.Clock,
        frame.Alarms is { Count: > 0 } alarms ? [.. alarms] : null);

    public LiveFrame ToFrame() => new(Assets, Kpis.ToDictionary(k => (k.Level, k.Code), k => k.Kpis), Clock, Alarms);
}
