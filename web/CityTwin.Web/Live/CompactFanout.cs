using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Live;

namespace CityTwin.Web.Live;

/// <summary>
/// The MessagePack clients' part of <see cref="TwinBroadcaster"/>: each flush is encoded once
/// (<see cref="TileFrameCache"/>), each client queues the shared frame of its tiles, and its send
/// loop sends what is queued as one <c>assetsCompact</c> frame (or a snapshot after a new viewport
/// or when it fell behind).
/// </summary>
public sealed class CompactFanout(TileFrameCache tiles, CompactSnapshot snapshots, AssetDirectory directory, CityTwinMetrics metrics)
{
    public void BeginFlush(LiveFrame frame) => tiles.Begin(frame.Assets);

    public void Offer(ClientSession session)
    {
        if (session.Compact is { } queue && session.Viewport is { ShowsAssets: true } v && tiles.FrameFor(v) is { } frame)
            queue.Add(frame);
    }

    public async Task SendAsync(ClientSession session, ITwinClient client)
    {
        if (session.Compact is not { } queue) return;
        var (frames, snapshot) = queue.Take();
        if (session.Viewport is not { ShowsAssets: true } v) return;
        var frame = snapshot ? snapshots.For(v) : frames.Count > 0 ? CompactAssetFrame.Merge(frames, directory.Version) : null;
        if (frame is null) return;
        await client.assetsCompact(frame);
        metrics.FrameSent("assets");
    }
}
