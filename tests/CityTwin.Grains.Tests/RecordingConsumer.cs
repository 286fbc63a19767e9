using CityTwin.Abstractions.Live;

namespace CityTwin.Grains.Tests;

/// <summary>Keeps every frame the live feed delivers, for inspection.</summary>
public sealed class RecordingConsumer : ILiveFrameConsumer
{
    private readonly Lock _gate = new();
    private readonly List<LiveFrame> _frames = [];

    public void OnFrame(LiveFrame frame)
    {
        lock (_gate) _frames.Add(frame);
    }

    /// <summary>Returns the frames received so far and forgets them.</summary>
    public IReadOnlyList<LiveFrame> Take()
    {
        lock (_gate)
        {
            var frames = _frames.ToArray();
            _frames.Clear();
            return frames;
        }
    }
}
