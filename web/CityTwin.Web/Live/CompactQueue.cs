namespace CityTwin.Web.Live;

/// <summary>
/// A MessagePack client's compact frames not yet sent. A client keeps up when this holds at most
/// one frame; one that falls behind by more than <see cref="MaxFrames"/> flushes (or
/// <see cref="MaxBytes"/>) drops them and is sent a fresh snapshot of its viewport instead, so
/// memory stays bounded and it still ends up with the latest values.
/// </summary>
public sealed class CompactQueue
{
    public const int MaxFrames = 8;
    public const int MaxBytes = 1 << 20;

    private readonly Lock _gate = new();
    private List<byte[]> _frames = [];
    private int _bytes;
    private bool _snapshot;

    public void Add(byte[] frame)
    {
        lock (_gate)
        {
            if (_snapshot) return;
            _frames.Add(frame);
            _bytes += frame.Length;
            if (_frames.Count > MaxFrames || _bytes > MaxBytes) NeedSnapshotLocked();
        }
    }

    /// <summary>The viewport changed or the client fell behind: the next send is a snapshot.</summary>
    public void NeedSnapshot()
    {
        lock (_gate) NeedSnapshotLocked();
    }

    public bool HasPending
    {
        get { lock (_gate) return _snapshot || _frames.Count > 0; }
    }

    public (IReadOnlyList<byte[]> Frames, bool Snapshot) Take()
    {
        lock (_gate)
        {
            var taken = (_frames, _snapshot);
            _frames = [];
            _bytes = 0;
            _snapshot = false;
            return taken;
        }
    }

    private void NeedSnapshotLocked()
    {
        _frames = [];
        _bytes = 0;
        _snapshot = true;
    }
}
