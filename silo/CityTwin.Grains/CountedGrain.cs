using CityTwin.Abstractions.Diagnostics;

namespace CityTwin.Grains;

/// <summary>
/// Base of the product's grains: counts activations by type for <c>/metrics</c>, hooked on the
/// grain's lifecycle so subclasses keep their own OnActivateAsync untouched.
/// </summary>
public abstract class CountedGrain : Grain
{
    protected CountedGrain(CityTwinMetrics metrics)
    {
        Metrics = metrics;
        var type = GetType().Name;
        GrainContext.ObservableLifecycle.Subscribe(
            nameof(CountedGrain),
            GrainLifecycleStage.Activate,
            _ =>
            {
                metrics.GrainActivated(type);
                return Task.CompletedTask;
            },
            _ =>
            {
                metrics.GrainDeactivated(type);
                return Task.CompletedTask;
            });
    }

    protected CityTwinMetrics Metrics { get; }
}
