using CityTwin.Abstractions.Live;

namespace CityTwin.Web.Live;

/// <summary>
/// What one connected client still has to receive. Pending work is a set of asset indexes and
/// areas, not a queue of frames: a slow client gets the latest values when it is ready, and its
/// memory is bounded by what its viewport can show. Areas leave at most every
/// <see cref="AreaPacing.Interval"/> (<see cref="TakeDue"/>); assets and the clock whenever asked.
/// Ten thousand sessions live side by side, so a session holds little while idle: pending areas
/// are a bitset (<see cref="AreaSet"/>) and the asset set is created only for a JSON client zoomed in.
/// </summary>
public sealed class ClientSession(string connectionId, bool compact = false)
{
    private static readonly HashSet<int> NoAssets = [];

    private readonly Lock _gate = new();
    private HashSet<int>? _assets;
    private AreaSet _areas = new();
    private AreaSet? _inView;
    private bool _clock;
    private int _sending;
    private long _areasDueMs;
    private int _areaTimer;

    public string ConnectionId { get; } = connectionId;
    public Viewport? Viewport { get; private set; }

    /// <summary>Compact asset frames for a MessagePack client (<see cref="CompactFanout"/>); null for JSON clients.</summary>
    public CompactQueue? Compact { get; } = compact ? new CompactQueue() : null;
    public long FramesSent;

    /// <param name="inView">The areas the viewport shows (<see cref="AreaViews.InView"/>); null: every area.</param>
    public void SetViewport(Viewport viewport, IEnumerable<int> snapshot, AreaSet? inView = null)
    {
        lock (_gate)
        {
            Viewport = viewport;
            _inView = inView;
            // Areas are sent only while in view: those pending from before that the new view leaves out are dropped.
            if (inView is not null) _areas.IntersectWith(inView);
            _assets = Compact is null && viewport.ShowsAssets ? [.. snapshot] : null;
        }
        Compact?.NeedSnapshot();
    }

    public void AddAssets(IReadOnlyList<AssetDelta> deltas, Func<int, bool> visible)
    {
        lock (_gate)
        {
            if (Compact is not null || Viewport is not { ShowsAssets: true }) return;
            foreach (var d in deltas)
                if (visible(d.AssetIndex)) (_assets ??= []).Add(d.AssetIndex);
        }
    }

    /// <summary>
    /// Holds back areas for one <see cref="AreaPacing.Interval"/> from <paramref name="nowMs"/>: a client
    /// that has just connected says where it looks within milliseconds, and a zoomed-in phone then
    /// gets its few areas instead of the whole city first.
    /// </summary>
    public void DelayAreas(long nowMs)
    {
        lock (_gate) _areasDueMs = Math.Max(_areasDueMs, nowMs + (long)AreaPacing.Interval.TotalMilliseconds);
    }

    /// <summary>Marks <paramref name="areas"/> pending, those in the client's view only.</summary>
    public void AddAreas(AreaSet areas, bool clock)
    {
        lock (_gate)
        {
            _areas.UnionWith(areas, _inView);
            _clock |= clock;
        }
    }

    public int PendingAssets
    {
        get { lock (_gate) return _assets?.Count ?? 0; }
    }

    /// <summary>Takes everything pending, leaving the session empty.</summary>
    public (IReadOnlyCollection<int> Assets, AreaSet Areas, bool Clock) Take()
    {
        lock (_gate)
        {
            var taken = (TakeAssets(), _areas, _clock);
            _areas = new AreaSet();
            _clock = false;
            return taken;
        }
    }

    public bool HasPending
    {
        get
        {
            lock (_gate)
                if (_assets is { Count: > 0 } || !_areas.IsEmpty || _clock) return true;
            return Compact?.HasPending == true;
        }
    }

    /// <summary>
    /// Whether something may be sent at <paramref name="nowMs"/>: assets (named or compact), the
    /// clock, or areas once their interval has passed. Compact frames never wait for the areas' pace.
    /// </summary>
    public bool HasDue(long nowMs)
    {
        lock (_gate)
            if (_assets is { Count: > 0 } || _clock || (nowMs >= _areasDueMs && !_areas.IsEmpty)) return true;
        return Compact?.HasPending == true;
    }

    /// <summary>Takes what may be sent at <paramref name="nowMs"/>; areas not yet due stay pending.</summary>
    public (IReadOnlyCollection<int> Assets, AreaSet Areas, bool Clock) TakeDue(long nowMs)
    {
        lock (_gate)
        {
            if (nowMs >= _areasDueMs && !_areas.IsEmpty)
            {
                _areasDueMs = nowMs + (long)AreaPacing.Interval.TotalMilliseconds;
                return Take();
            }
            var taken = (TakeAssets(), new AreaSet(), _clock);
            _clock = false;
            return taken;
        }
    }

    /// <summary>How long pending areas still have to wait (0: none pending, or due now).</summary>
    public long AreasWaitMs(long nowMs)
    {
        lock (_gate) return nowMs < _areasDueMs && !_areas.IsEmpty ? _areasDueMs - nowMs : 0;
    }

    /// <summary>At most one delayed send of areas is scheduled per client.</summary>
    public bool TryArmAreaTimer() => Interlocked.CompareExchange(ref _areaTimer, 1, 0) == 0;

    public void DisarmAreaTimer() => Volatile.Write(ref _areaTimer, 0);

    public bool TryBeginSend() => Interlocked.CompareExchange(ref _sending, 1, 0) == 0;

    public void EndSend() => Volatile.Write(ref _sending, 0);

    /// <summary>The pending assets, leaving none; the set is created again only when an asset comes.</summary>
    private HashSet<int> TakeAssets()
    {
        var taken = _assets is { Count: > 0 } a ? a : NoAssets;
        if (taken.Count > 0) _assets = null;
        return taken;
    }
}
