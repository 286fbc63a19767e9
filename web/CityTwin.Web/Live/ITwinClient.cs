using CityTwin.Web.Tours;

namespace CityTwin.Web.Live;

/// <summary>
/// Every message the server pushes to a map client over <see cref="TwinHub"/>. The method names are
/// the SignalR targets on the wire, so they stay lower case: browsers match targets ignoring case,
/// but .NET clients (tests, benchmarks) match them exactly.
/// </summary>
public interface ITwinClient
{
    /// <summary>
    /// The latest state of assets in the client's viewport (only at asset zoom). <paramref name="wallTs"/>
    /// is the frame's wall-clock stamp (Unix ms): when the oldest reading in it entered the twin, so
    /// receipt − <c>wallTs</c> bounds every item's latency, measured wall to wall (item <c>ts</c> is simulated time).
    /// </summary>
    Task assets(IReadOnlyList<AssetFrameItem> items, long wallTs);

    /// <summary>The same for MessagePack clients, as one binary <see cref="CompactAssetFrame"/>.</summary>
    Task assetsCompact(byte[] frame);

    /// <summary>The latest KPIs of the city, gu and dong areas that changed.</summary>
    Task districts(IReadOnlyList<AreaFrameItem> items);

    /// <summary>The simulated clock with daylight and weather.</summary>
    Task clock(ClockFrame frame);

    /// <summary>A scenario's status or progress changed.</summary>
    Task scenario(ScenarioProgressFrame frame);

    /// <summary>Alarms that were raised, cleared or acted on since the last frame (latest state of each).</summary>
    Task alarms(IReadOnlyList<Alarms.AlarmItem> items);

    /// <summary>The city's alarm counts and how many critical alarms are new, to every client after alarms changed.</summary>
    Task alarmSummary(Alarms.AlarmSummaryFrame frame);
    /// <summary>The tour session this client follows moved to another stop (also what <c>JoinTour</c> answers).</summary>
    Task tourStop(TourStopFrame frame);

    /// <summary>The presenter of the followed session pointed at a place on the map.</summary>
    Task tourPing(TourPingFrame frame);

    /// <summary>The followed session ended.</summary>
    Task tourEnded(TourEndedFrame frame);

    /// <summary>The twin is about to restart on another city: the map shows it and reloads when the new city answers.</summary>
    Task citySwitching(CitySwitchingFrame frame);
}
