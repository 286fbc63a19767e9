using CityTwin.Model.City;

namespace CityTwin.Web.Live;

/// <summary>
/// A compact frame of every heard asset in a viewport's tiles, from <see cref="LiveState"/>: what a
/// client gets when it subscribes, and when it fell too far behind to be sent the flushes it missed.
/// Built per client, so it is the exception, not the flow.
/// </summary>
public sealed class CompactSnapshot(CityCatalog catalog, LiveState state, AssetDirectory directory, FrameTiles tiles)
{
    public byte[]? For(Viewport viewport)
    {
        var range = FrameTiles.RangeOf(viewport);
        var picked = new List<int>();
        var length = CompactAssetFrame.HeaderLength;
        for (var i = 0; i < catalog.Assets.Count; i++)
        {
            if (state.TimestampOf(i) <= 0 || !tiles.Contains(range, i)) continue;
            picked.Add(i);
            length += CompactAssetFrame.ItemLength(directory.ChannelsOf(i));
        }
        if (picked.Count == 0) return null;

        var frame = new byte[length];
        var at = CompactAssetFrame.HeaderLength;
        long ts = 0, wall = 0;
        foreach (var i in picked)
        {
            ts = Math.Max(ts, state.TimestampOf(i));
            wall = CompactAssetFrame.OlderWall(wall, state.WallTimestampOf(i));
            at += CompactAssetFrame.WriteItem(frame.AsSpan(at), i, state.StatusOf(i), state.ValuesOf(i), directory.ChannelsOf(i));
        }
        CompactAssetFrame.WriteHeader(frame, directory.Version, ts, wall);
        return frame;
    }
}
