namespace CityTwin.Web.Drills;

/// <summary>
/// Wakes the runs still running when this web node starts: a run's steps fire on a timer of its
/// activation, which a restart of the embedded app (whose reminders are in memory) would leave asleep.
/// </summary>
public sealed class DrillResumer(DrillDirectory drills, ILogger<DrillResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; attempt < 30 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var running = await drills.Runs.RunningAsync();
                await Task.WhenAll(running.Select(id => drills.Run(id).GetInfoAsync()));
                if (running.Count > 0) logger.LogInformation("Resumed {Count} drill runs", running.Count);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The silo is still starting: try again shortly.
                logger.LogDebug(ex, "Could not resume drill runs yet");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
