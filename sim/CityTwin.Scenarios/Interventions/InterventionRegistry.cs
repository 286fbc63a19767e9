using CityTwin.Scenarios.Catalog;

namespace CityTwin.Scenarios.Interventions;

/// <summary>
/// Every <see cref="InterventionRule"/> of this assembly, found by reflection once and kept in
/// catalogue order: a new rule class is picked up without being listed anywhere.
/// <see cref="InterventionCatalog.Default"/> is built from these rules' entries.
/// </summary>
public static class InterventionRegistry
{
    private static readonly Dictionary<string, InterventionRule> ById;

    static InterventionRegistry()
    {
        Rules = [.. typeof(InterventionRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(InterventionRule)) && !t.IsAbstract)
            .Select(t => (InterventionRule)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(r => r.CatalogueOrder)
            .ThenBy(r => r.Entry.Id, StringComparer.Ordinal)];
        ById = new Dictionary<string, InterventionRule>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            // Ids are stored in saved scenarios: two rules claiming one id is a programming error to stop at once.
            if (!ById.TryAdd(rule.Entry.Id, rule))
                throw new InvalidOperationException($"intervention id '{rule.Entry.Id}' is claimed by {ById[rule.Entry.Id].GetType().Name} and {rule.GetType().Name}");
        }
    }

    public static IReadOnlyList<InterventionRule> Rules { get; }

    public static InterventionRule? Find(string? id) => id is null ? null : ById.GetValueOrDefault(id);
}
