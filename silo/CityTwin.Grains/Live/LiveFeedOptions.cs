namespace CityTwin.Grains.Live;

/// <summary>Configuration section <c>LiveFeed</c>.</summary>
public sealed class LiveFeedOptions
{
    public const string Section = "LiveFeed";

    /// <summary>How often coalesced frames leave the silo (default 200 ms: at most 5 frames/s per client).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
