using System.Diagnostics;

namespace CityTwin.Web.Live;

/// <summary>
/// How often one client may receive a <c>districts</c> frame. Asset frames leave as soon as the
/// silo flushes, but the KPIs of some dong change with nearly every batch: a districts frame per
/// flush per client would cost more CPU than a choropleth gains from being fresher than this.
/// Changed areas wait (as a set, latest KPIs win) and leave together once the interval has passed.
/// </summary>
public static class AreaPacing
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>A monotonic clock in milliseconds (immune to wall-clock steps).</summary>
    public static long NowMs => Stopwatch.GetTimestamp() * 1000 / Stopwatch.Frequency;
}
