using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Abstractions.Live;

/// <summary>What changed since the previous flush: the latest delta per asset, KPIs per area and changed alarms.</summary>
public sealed record LiveFrame(
    IReadOnlyList<AssetDelta> Assets,
    IReadOnlyDictionary<(AreaLevel Level, string Code), KpiSet> Kpis,
    ClockState? Clock,
    IReadOnlyList<Alarms.AlarmView>? Alarms = null);
