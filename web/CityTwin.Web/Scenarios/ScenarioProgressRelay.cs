using CityTwin.Abstractions.Scenarios;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// Pushes scenario status and progress to every connected map as SignalR <c>scenario</c> events.
/// It reads the registry twice a second while someone is connected, so it works the same whether
/// the runs execute in this process or on other silos of a cluster.
/// </summary>
public sealed class ScenarioProgressRelay(IGrainFactory grains, IHubContext<TwinHub, ITwinClient> hub, TwinBroadcaster broadcaster, ILogger<ScenarioProgressRelay> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Dictionary<string, (string Status, double Progress, int? QueuePosition)> _sent = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (broadcaster.ClientCount == 0) continue;
                try
                {
                    await RelayAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "Could not read scenario progress; trying again shortly");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RelayAsync(CancellationToken cancellationToken)
    {
        var scenarios = await grains.GetGrain<IScenarioRegistryGrain>(IScenarioRegistryGrain.Key).ListAsync();
        foreach (var s in scenarios)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var view = ScenarioView.Of(s);
            if (_sent.TryGetValue(s.Id, out var last) && last == (view.Status, view.Progress, view.QueuePosition)) continue;
            _sent[s.Id] = (view.Status, view.Progress, view.QueuePosition);
            await hub.Clients.All.scenario(new ScenarioProgressFrame(view.Id, view.Status, view.Progress, view.QueuePosition));
        }
    }
}
