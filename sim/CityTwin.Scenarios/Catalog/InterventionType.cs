using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// A kind of intervention planners can apply: what it does, its parameters and where it may apply.
/// <see cref="AssetKinds"/> lists the asset kinds (wire names) an <see cref="ScenarioTargetKind.Assets"/>
/// target may name, and the kinds the intervention changes inside an area target.
/// </summary>
public sealed record InterventionType(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<InterventionParameter> Parameters,
    IReadOnlyList<ScenarioTargetKind> Targets,
    IReadOnlyList<string> AssetKinds)
{
    public InterventionParameter? FindParameter(string name)
    {
        foreach (var p in Parameters)
            if (string.Equals(p.Name, name, StringComparison.Ordinal)) return p;
        return null;
    }

    /// <summary>A parameter's value in an intervention, or its default when the intervention leaves it out.</summary>
    public double Value(ScenarioIntervention intervention, string name)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        var p = FindParameter(name) ?? throw new ArgumentException($"{Id} has no parameter '{name}'", nameof(name));
        return intervention.Parameters is not null && intervention.Parameters.TryGetValue(name, out var v) ? v : p.Default;
    }
}
