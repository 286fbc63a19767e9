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

    /// <summary>
    /// At most this many areas per <c>districts</c> frame (about 10 kB in MessagePack); more leave as
    /// several frames, one after the other. A whole-city frame would be ~70 kB: with thousands of
    /// clients, what each connection holds while a frame is on its way (pipe buffers, and the buffer
    /// segments each pipe keeps for reuse afterwards) follows the largest frame it was sent.
    /// </summary>
    public const int ItemsPerFrame = 24;

    /// <summary>A monotonic clock in milliseconds (immune to wall-clock steps).</summary>
    public static long NowMs => Stopwatch.GetTimestamp() * 1000 / Stopwatch.Frequency;
}
