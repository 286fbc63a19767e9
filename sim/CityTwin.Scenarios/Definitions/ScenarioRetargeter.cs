using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Validation;

namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// Reruns a scenario written for one city on another (Incheon's on an imported city). A target by
/// kind (the whole city: every asset of the kinds the intervention changes) carries over as it is;
/// a target by area (a gu or dong code, a polygon, a list of asset ids) carries over only where it
/// exists in the other city. Each intervention left out is reported with the reason, never dropped
/// silently. The judge is the scenario validator itself, so "exists there" means exactly what a run
/// would accept.
/// </summary>
public static class ScenarioRetargeter
{
    public static RetargetedScenario Retarget(ScenarioDefinition definition, CityCatalog city, InterventionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(city);
        catalog ??= InterventionCatalog.Default;
        var kept = new List<ScenarioIntervention>();
        var dropped = new List<DroppedIntervention>();
        var interventions = definition.Interventions ?? [];
        for (var i = 0; i < interventions.Count; i++)
        {
            var alone = definition with { Interventions = [interventions[i]] };
            var targetErrors = ScenarioValidator.Validate(alone, catalog, city).Errors
                .Where(e => e.Path.StartsWith("interventions[0].target", StringComparison.Ordinal))
                .ToList();
            if (targetErrors.Count == 0) kept.Add(interventions[i]);
            else dropped.Add(new DroppedIntervention(i, interventions[i].Type, string.Join("; ", targetErrors.Select(e => e.Message))));
        }
        return new RetargetedScenario(definition with { Interventions = kept }, dropped);
    }
}
