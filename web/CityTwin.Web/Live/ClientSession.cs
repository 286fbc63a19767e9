using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Live;

namespace CityTwin.Web.Live;

/// <summary>
/// What one connected client still has to receive. Pending work is a set of asset indexes and
/// areas, not a queue of frames: a slow client gets the latest values when it is ready, and its
/// memory is bounded by what its viewport can show.
/// </summary>
public sealed class ClientSession(string connectionId, bool compact = false)
{
    private readonly Lock _gate = new();
    private HashSet<int> _assets = [];
    private HashSet<(AreaLevel, string)> _areas = [];
    private bool _clock;
    private int _sending;

    public string ConnectionId { get; } = connectionId;
    public Viewport? Viewport { get; private set; }

    /// <summary>Compact asset frames for a MessagePack client (<see cref="CompactFanout"/>); null for JSON clients.</summary>
    public CompactQueue? Compact { get; } = compact ? new CompactQueue() : null;
    public long FramesSent;

    public void SetViewport(Viewport viewport, IEnumerable<int> snapshot)
    {
        lock (_gate)
        {
            Viewport = viewport;
            _assets = Compact is null ? [.. snapshot] : [];
        }
        Compact?.NeedSnapshot();
    }

    public void AddAssets(IReadOnlyList<AssetDelta> deltas, Func<int, bool> visible)
    {
        lock (_gate)
        {
            if (Compact is not null || Viewport is not { ShowsAssets: true }) return;
            foreach (var d in deltas)
                if (visible(d.AssetIndex)) _assets.Add(d.AssetIndex);
        }
    }

    public void AddAreas(IEnumerable<(AreaLevel, string)> areas, bool clock)
    {
        lock (_gate)
        {
            _areas.UnionWith(areas);
            _clock |= clock;
        }
    }

    public int PendingAssets
    {
        get { lock (_gate) return _assets.Count; }
    }

    /// <summary>Takes everything pending, leaving the session empty.</summary>
    public (HashSet<int> Assets, HashSet<(AreaLevel, string)> Areas, bool Clock) Take()
    {
        lock (_gate)
        {
            var taken = (_assets, _areas, _clock);
            _assets = [];
            _areas = [];
            _clock = false;
            return taken;
        }
    }

    public bool HasPending
    {
        get
        {
            lock (_gate)
                if (_assets.Count > 0 || _areas.Count > 0 || _clock) return true;
            return Compact?.HasPending == true;
        }
    }

    public bool TryBeginSend() => Interlocked.CompareExchange(ref _sending, 1, 0) == 0;

    public void EndSend() => Volatile.Write(ref _sending, 0);
}
