using CityTwin.Abstractions.Live;

namespace CityTwin.Web.Live;

/// <summary>
/// One flush's asset changes encoded once as <see cref="CompactAssetFrame"/> items, grouped by
/// <see cref="FrameTiles"/> tile. A client's frame is the segments of the tiles its viewport
/// touches, copied behind one header, and built once per distinct tile range: clients looking at
/// the same part of the city share the very same bytes, so the per-client cost of a flush is a
/// dictionary lookup and a send. Used by one flush at a time (the live feed hands frames on serially).
/// </summary>
public sealed class TileFrameCache(AssetDirectory directory, FrameTiles tiles)
{
    private static readonly Dictionary<long, Segment> NoSegments = [];

    private byte[] _items = [];
    private Dictionary<long, Segment> _segments = NoSegments;
    private Dictionary<TileRange, byte[]?> _frames = [];

    /// <summary>A tile's items in this flush's buffer, with the newest reading among them and the oldest wall stamp.</summary>
    private readonly record struct Segment(int Start, int Length, long Ts, long Wall);

    /// <summary>Encodes a flush's deltas, replacing the previous flush's.</summary>
    public void Begin(IReadOnlyList<AssetDelta> deltas)
    {
        _frames = [];
        if (deltas.Count == 0)
        {
            _segments = NoSegments;
            _items = [];
            return;
        }
        var keys = new long[deltas.Count];
        var order = new int[deltas.Count];
        var length = 0;
        for (var i = 0; i < deltas.Count; i++)
        {
            var index = deltas[i].AssetIndex;
            keys[i] = tiles.KeyOf(index);
            order[i] = i;
            length += CompactAssetFrame.ItemLength(directory.ChannelsOf(index));
        }
        Array.Sort(keys, order);

        var items = new byte[length];
        var segments = new Dictionary<long, Segment>();
        var at = 0;
        var start = 0;
        long ts = 0, wall = 0;
        for (var j = 0; j < order.Length; j++)
        {
            if (j > 0 && keys[j] != keys[j - 1])
            {
                segments[keys[j - 1]] = new Segment(start, at - start, ts, wall);
                (start, ts, wall) = (at, 0, 0);
            }
            var d = deltas[order[j]];
            at += CompactAssetFrame.WriteItem(items.AsSpan(at), d.AssetIndex, d.Status, d.Values, directory.ChannelsOf(d.AssetIndex));
            ts = Math.Max(ts, d.TimestampMs);
            wall = CompactAssetFrame.OlderWall(wall, d.WallMs);
        }
        segments[keys[^1]] = new Segment(start, at - start, ts, wall);
        (_items, _segments) = (items, segments);
    }

    /// <summary>This flush's frame for a viewport, or null when nothing in its tiles changed.</summary>
    public byte[]? FrameFor(Viewport viewport)
    {
        var range = FrameTiles.RangeOf(viewport);
        if (_frames.TryGetValue(range, out var cached)) return cached;

        var parts = new List<Segment>();
        // Walk whichever is smaller: the viewport's tiles, or the tiles that changed.
        if (range.Cells <= _segments.Count)
        {
            for (var x = range.X0; x <= range.X1; x++)
                for (var y = range.Y0; y <= range.Y1; y++)
                    if (_segments.TryGetValue(FrameTiles.Key(x, y), out var s)) parts.Add(s);
        }
        else
        {
            foreach (var (key, s) in _segments)
            {
                var (x, y) = FrameTiles.Unkey(key);
                if (range.Contains(x, y)) parts.Add(s);
            }
        }

        byte[]? frame = null;
        if (parts.Count > 0)
        {
            frame = new byte[CompactAssetFrame.HeaderLength + parts.Sum(p => p.Length)];
            CompactAssetFrame.WriteHeader(frame, directory.Version, parts.Max(p => p.Ts), parts.Aggregate(0L, (w, p) => CompactAssetFrame.OlderWall(w, p.Wall)));
            var at = CompactAssetFrame.HeaderLength;
            foreach (var part in parts)
            {
                _items.AsSpan(part.Start, part.Length).CopyTo(frame.AsSpan(at));
                at += part.Length;
            }
        }
        _frames[range] = frame;
        return frame;
    }
}
