namespace CityTwin.Abstractions.Threading;

/// <summary>The loop condition of every background service that works on a fixed cadence.</summary>
public static class PeriodicTimerExtensions
{
    /// <summary>Waits for the next tick; false (instead of an exception) once the service is stopping.</summary>
    public static async Task<bool> TickOrStopAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
