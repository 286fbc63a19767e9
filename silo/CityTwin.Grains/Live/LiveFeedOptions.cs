namespace CityTwin.Grains.Live;

/// <summary>Configuration section <c>LiveFeed</c>.</summary>
public sealed class LiveFeedOptions
{
    public const string Section = "LiveFeed";

    /// <summary>
    /// The shortest time between two flushes of the live feed. A flush happens as soon as something
    /// is published and this long has passed since the previous one: idle, a batch leaves at once;
    /// under load, what lands in between is coalesced (default 15 ms: at most ~66 frames/s per silo).
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(15);
}
