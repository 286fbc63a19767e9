using CityTwin.Abstractions.Live;
using CityTwin.Web.Live;

namespace CityTwin.Benchmarks;

/// <summary>Applies the silo's frames to the web node's <see cref="LiveState"/>, so a silo-only process holds what the embedded app holds per asset.</summary>
public sealed class LiveStateConsumer(LiveState state) : ILiveFrameConsumer
{
    public void OnFrame(LiveFrame frame) => state.Apply(frame);
}
