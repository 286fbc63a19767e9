using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Abstractions.Live;

/// <summary>
/// The per-silo batching publisher between grains and the web node(s). Grains hand it changes;
/// it keeps the latest of each and gives consumers a coalesced frame every flush interval.
/// </summary>
public interface ILiveFeed : ILiveFrameSource
{
    void PublishAssets(ReadOnlySpan<AssetDelta> deltas);
    void PublishKpis(AreaLevel level, string code, KpiSet kpis);
    void PublishClock(ClockState clock);

    /// <summary>Alarms that changed (raised, cleared, acted on); latest version per alarm id wins.</summary>
    void PublishAlarms(IReadOnlyList<Alarms.AlarmView> alarms);
}
