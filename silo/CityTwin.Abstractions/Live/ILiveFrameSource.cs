namespace CityTwin.Abstractions.Live;

/// <summary>Where a web node gets flushed frames: the local silo's feed, or a cluster's silos.</summary>
public interface ILiveFrameSource
{
    /// <summary>Registers a consumer of flushed frames; dispose the result to stop.</summary>
    IDisposable Subscribe(ILiveFrameConsumer consumer);
}
