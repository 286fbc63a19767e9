using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Interventions;

namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// The interventions a scenario may use, with units, defaults, valid ranges and allowed targets:
/// what GET /api/scenarios/catalog serves and what the validator checks against. Each entry is
/// declared beside its rule under Interventions/ (each parameter cites the source of its default
/// and range); docs/models.md §16 gives the formulas.
/// </summary>
public sealed class InterventionCatalog
{
    private readonly Dictionary<string, InterventionType> _byId;

    public InterventionCatalog(IReadOnlyList<InterventionType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = types;
        _byId = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<InterventionType> Types { get; }

    public InterventionType? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    /// <summary>Every built-in intervention: the entries of the rules <see cref="InterventionRegistry"/> found, in catalogue order.</summary>
    public static InterventionCatalog Default { get; } = new([.. InterventionRegistry.Rules.Select(r => r.Entry)]);
}
