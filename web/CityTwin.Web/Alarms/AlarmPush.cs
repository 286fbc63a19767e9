using CityTwin.Abstractions.Live;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Alarms;

/// <summary>
/// Pushes changed alarms to every map as the SignalR <c>alarms</c> frame. The alarms arrive in the
/// live frames every silo's feed sends this web node (embedded: the local feed), coalesced per
/// flush, so each web node of a cluster pushes the same changes to its own clients. Every client
/// gets them whatever its viewport: the list, the header count and the cue are city-wide.
/// </summary>
public sealed class AlarmPush(IHubContext<TwinHub, ITwinClient> hub, ILiveFrameSource feed, AlarmItems items, ILogger<AlarmPush> logger)
    : ILiveFrameConsumer, IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void OnFrame(LiveFrame frame)
    {
        if (frame.Alarms is not { Count: > 0 } alarms) return;
        var list = alarms.Select(items.Of).ToList();
        _ = SendAsync(list);
    }

    private async Task SendAsync(List<AlarmItem> list)
    {
        try
        {
            await hub.Clients.All.alarms(list);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not push {Count} alarm changes", list.Count);
        }
    }
}
