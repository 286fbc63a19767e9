namespace CityTwin.Abstractions.Live;

/// <summary>Receives coalesced frames; must return quickly (queue, never block the publisher).</summary>
public interface ILiveFrameConsumer
{
    void OnFrame(LiveFrame frame);
}
