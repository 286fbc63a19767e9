namespace CityTwin.Web.Live;

/// <summary>
/// The wall-clock stamp of an <c>assets</c> frame: the instant the oldest of its readings entered
/// the twin. One stamp per frame keeps frames small, and taking the oldest means receipt − stamp
/// is never less than any item's true latency.
/// </summary>
public static class FrameWallStamp
{
    public static long Oldest(IEnumerable<int> assetIndexes, LiveState state)
    {
        var oldest = long.MaxValue;
        foreach (var i in assetIndexes)
        {
            var wall = state.WallTimestampOf(i);
            if (wall > 0 && wall < oldest) oldest = wall;
        }
        return oldest == long.MaxValue ? 0 : oldest;
    }
}
