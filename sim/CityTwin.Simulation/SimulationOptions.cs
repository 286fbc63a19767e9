using CityTwin.Model.City;

namespace CityTwin.Simulation;

/// <summary>Configuration section <c>Simulation</c>.</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>Whether this process feeds the twin (off on web nodes of a cluster, and in some tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wall-clock time between ticks; every tick sends one batch per dong.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait for one dong's batch. A batch to a grain on a silo that just died is abandoned
    /// after this, so one lost silo never stalls the ticks of the rest of the city.
    /// </summary>
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Seed of the models: the same seed and simulated instant give the same values.</summary>
    public int Seed { get; set; } = CityPackLoader.DefaultSeed;
}
