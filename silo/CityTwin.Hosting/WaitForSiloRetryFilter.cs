using Microsoft.Extensions.Logging;

namespace CityTwin.Hosting;

/// <summary>Keeps a client (web node, simulator) trying to reach a silo while the cluster starts.</summary>
public sealed class WaitForSiloRetryFilter(ILogger<WaitForSiloRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        logger.LogWarning("No silo reachable yet ({Error}); retrying in {Delay} s", exception.Message, Delay.TotalSeconds);
        await Task.Delay(Delay, cancellationToken);
        return true;
    }
}
