using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Runtime.Messaging;

namespace CityTwin.Hosting;

/// <summary>
/// Errors a grain call meets while a silo is failing or being evicted: the call never ran (or the
/// target is moving), and the same call made a moment later will succeed on a surviving silo.
/// </summary>
public static class TransientGrainErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        SiloUnavailableException => true,
        OrleansMessageRejectionException => true,
        ConnectionFailedException => true,
        GatewayTooBusyException => true,
        // Two activations of one grain for a moment while membership changed: the write did not
        // happen and the loser is deactivated, so the call made again reads the winner's state.
        InconsistentStateException => true,
        // The directory says so in words only ("... is not stable ... Retry later.").
        OrleansException e when e.Message.Contains("Retry later", StringComparison.OrdinalIgnoreCase) => true,
        AggregateException { InnerExceptions.Count: 1 } a => IsTransient(a.InnerExceptions[0]),
        _ => false,
    };
}
