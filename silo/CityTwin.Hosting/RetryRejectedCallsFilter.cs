using Microsoft.Extensions.Logging;

namespace CityTwin.Hosting;

/// <summary>
/// Retries a grain call that was rejected because its silo died or is being evicted. Membership
/// declares a killed silo dead in a few seconds; until then calls bounce, so a few spaced attempts
/// carry callers over the gap instead of surfacing errors. Calls that time out are not retried:
/// they may have run, and the caller decides.
/// </summary>
public sealed class RetryRejectedCallsFilter(ILogger<RetryRejectedCallsFilter> logger) : IOutgoingGrainCallFilter
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception ex) when (attempt < Delays.Length && TransientGrainErrors.IsTransient(ex))
            {
                logger.LogDebug("Call {Method} on {Grain} rejected ({Reason}); retry {Attempt} in {Delay} ms",
                    context.InterfaceMethod?.Name, context.TargetId, ex.GetType().Name, attempt + 1, Delays[attempt].TotalMilliseconds);
                await Task.Delay(Delays[attempt]);
            }
        }
    }
}
