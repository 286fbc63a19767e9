using Orleans.Concurrency;

namespace CityTwin.Abstractions.Live;

/// <summary>A web node of a cluster, receiving every silo's flushed frames.</summary>
[Alias("CityTwin.ILiveFrameObserver")]
public interface ILiveFrameObserver : IGrainObserver
{
    /// <summary>One-way: a slow or vanished web node never holds up a silo's flush.</summary>
    [OneWay, Alias("OnFrame")] Task OnFrameAsync(LiveFrameMessage frame);
}
