using System.Collections.Concurrent;
using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Live;
using CityTwin.Model.City;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Live;

/// <summary>
/// The web node's observer of the silo's live feed. Each flush updates <see cref="LiveState"/> and
/// marks, per client, what its viewport needs; a client gets at most one send in flight, so a slow
/// client never holds up the others and only ever receives the latest values.
/// Frames go out through the typed <see cref="ITwinClient"/> proxy, which builds the same one-argument
/// invocation that <c>SendAsync</c> did: one argument array per send, no extra serialisation or copy.
/// </summary>
public sealed class TwinBroadcaster(
    IHubContext<TwinHub, ITwinClient> hub,
    ILiveFrameSource feed,
    CityTwinMetrics metrics,
    LiveState state,
    CityCatalog catalog,
    FrameFactory frames,
    CompactFanout compact,
    AreaViews areaViews,
    AreaIndex areaIndex,
    ILogger<TwinBroadcaster> logger) : ILiveFrameConsumer, IHostedService
{
    private readonly ConcurrentDictionary<string, ClientSession> _sessions = new();
    private IDisposable? _subscription;
    private ClockFrame? _clock;

    public int ClientCount => _sessions.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(this);
        metrics.ObserveConnectedClients(() => ClientCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void OnFrame(LiveFrame frame)
    {
        state.Apply(frame);
        if (frame.Clock is not null) _clock = frames.Clock(frame.Clock);
        compact.BeginFlush(frame);
        // Worked out once per flush; each session keeps those in its view (a few word operations).
        var changed = areaIndex.SetOf(frame.Kpis.Keys);
        foreach (var session in _sessions.Values)
        {
            if (session.Compact is not null) compact.Offer(session);
            else if (session.Viewport is { ShowsAssets: true } v && frame.Assets.Count > 0)
                session.AddAssets(frame.Assets, i => v.Contains(catalog.Assets[i].Lon, catalog.Assets[i].Lat));
            session.AddAreas(changed, frame.Clock is not null);
            Pump(session);
        }
    }

    /// <param name="compact">MessagePack clients get <see cref="CompactAssetFrame"/>s.</param>
    public void Connect(string connectionId, bool compact = false)
    {
        var session = _sessions.GetOrAdd(connectionId, id => new ClientSession(id, compact));
        // A new client gets every area and the clock, so the map is complete at once; the areas wait
        // one interval for its Subscribe, which keeps only those in its view.
        session.DelayAreas(AreaPacing.NowMs);
        session.AddAreas(areaIndex.All, _clock is not null);
        Pump(session);
    }

    public void SetViewport(string connectionId, Viewport viewport, bool compact = false)
    {
        var session = _sessions.GetOrAdd(connectionId, id => new ClientSession(id, compact));
        session.SetViewport(viewport, viewport.ShowsAssets ? VisibleHeardAssets(viewport) : [], areaViews.InView(viewport));
        // Areas are sent only while in view: those the new view shows get their latest KPIs now.
        session.AddAreas(areaIndex.All, clock: false);
        Pump(session);
    }

    public void Disconnect(string connectionId) => _sessions.TryRemove(connectionId, out _);

    private IEnumerable<int> VisibleHeardAssets(Viewport v)
    {
        var assets = catalog.Assets;
        for (var i = 0; i < assets.Count; i++)
            if (state.TimestampOf(i) > 0 && v.Contains(assets[i].Lon, assets[i].Lat)) yield return i;
    }

    private void Pump(ClientSession session)
    {
        var now = AreaPacing.NowMs;
        if (!session.HasDue(now))
        {
            PumpLater(session, now);
            return;
        }
        if (!session.TryBeginSend()) return;
        _ = SendLoopAsync(session);
    }

    /// <summary>Areas held back by <see cref="AreaPacing"/> leave when due, even if no other frame comes.</summary>
    private void PumpLater(ClientSession session, long now)
    {
        var wait = session.AreasWaitMs(now);
        if (wait <= 0 || !session.TryArmAreaTimer()) return;
        _ = Task.Delay(TimeSpan.FromMilliseconds(wait)).ContinueWith(_ =>
        {
            session.DisarmAreaTimer();
            if (_sessions.ContainsKey(session.ConnectionId)) Pump(session);
        }, TaskScheduler.Default);
    }

    private async Task SendLoopAsync(ClientSession session)
    {
        try
        {
            do
            {
                var (assets, areas, clock) = session.TakeDue(AreaPacing.NowMs);
                var client = hub.Clients.Client(session.ConnectionId);
                if (clock && _clock is { } c)
                {
                    await client.clock(c);
                    metrics.FrameSent("clock");
                }
                List<AreaFrameItem>? areaItems = null;
                foreach (var i in areas.Indexes())
                {
                    if (state.AreaItemOf(areaIndex.KeyOf(i)) is not { } item) continue;
                    (areaItems ??= new List<AreaFrameItem>(AreaPacing.ItemsPerFrame)).Add(item);
                    if (areaItems.Count < AreaPacing.ItemsPerFrame) continue;
                    await client.districts(areaItems);
                    metrics.FrameSent("districts");
                    areaItems = null;
                }
                if (areaItems is not null)
                {
                    await client.districts(areaItems);
                    metrics.FrameSent("districts");
                }
                await compact.SendAsync(session, client);
                if (assets.Count > 0 && session.Viewport is { ShowsAssets: true })
                {
                    // Stamped before the items are read: a reading landing in between only makes the stamp older.
                    var wallTs = FrameWallStamp.Oldest(assets, state);
                    var items = new List<AssetFrameItem>(assets.Count);
                    foreach (var i in assets) items.Add(frames.Asset(i));
                    await client.assets(items, wallTs);
                    metrics.FrameSent("assets");
                }
                Interlocked.Increment(ref session.FramesSent);
            }
            while (session.HasDue(AreaPacing.NowMs) && _sessions.ContainsKey(session.ConnectionId));
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Sending to {Connection} failed; it will get the latest state on its next frame", session.ConnectionId);
        }
        finally
        {
            session.EndSend();
        }
        // Work that arrived between the last check and EndSend must not wait for the next flush.
        if (session.HasPending && _sessions.ContainsKey(session.ConnectionId)) Pump(session);
    }
}
