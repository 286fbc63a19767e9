namespace CityTwin.Grains.Scenarios.Isolation;

/// <summary>
/// How much of a silo what-if runs may take (configuration section <c>Scenarios</c>). A planner
/// must never freeze the control room: runs compute on a few dedicated, low-priority threads and
/// wait their turn in a queue, so the live twin keeps the thread pool and most of the cores.
/// </summary>
public sealed class ScenarioWorkOptions
{
    public const string Section = "Scenarios";

    /// <summary>Runs computing at once on this silo; the others wait in order. Default: <see cref="DefaultShare"/>.</summary>
    public int? MaxConcurrentRuns { get; set; }

    /// <summary>Dedicated threads computing runs on this silo. Default: <see cref="DefaultShare"/>.</summary>
    public int? Workers { get; set; }

    /// <summary>Half the cores, at least one: the other half stays with the live twin and the API.</summary>
    public static int DefaultShare => Math.Max(1, Environment.ProcessorCount / 2);

    public int EffectiveMaxConcurrentRuns => MaxConcurrentRuns is > 0 ? MaxConcurrentRuns.Value : DefaultShare;

    public int EffectiveWorkers => Workers is > 0 ? Workers.Value : DefaultShare;
}
