using CityTwin.Model.City;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// Fits a definition made in another city to the running one, in the request shape, with the rule of
/// <see cref="ScenarioRetargeter"/>: each intervention is judged alone by the same validator a run
/// uses; one whose target this city lacks (a gu, a dong, a polygon outside it, asset ids) is left out
/// and reported with the validator's reason; one whose target is the whole city carries over. What is
/// wrong apart from targets (a parameter out of range) stays an error of the definition.
/// </summary>
public static class ScenarioRetargeting
{
    private const string TargetPath = "interventions[0].target";

    public static (RetargetReport? Report, Dictionary<string, string[]> Errors) Retarget(
        ScenarioDefinitionFile file, CityCatalog city, int defaultSeed, DateTimeOffset liveNow)
    {
        if (file.Scenario is not { } request)
            return (null, new() { ["scenario"] = ["the file holds no scenario definition"] });
        if (file.Format is not null && file.Format != ScenarioDefinitionFile.FormatName)
            return (null, new() { ["format"] = [$"unknown format '{file.Format}'; expected {ScenarioDefinitionFile.FormatName}"] });

        var kept = new List<KeptIntervention>();
        var keptRequests = new List<InterventionRequest>();
        var dropped = new List<DroppedIntervention>();
        var interventions = request.Interventions ?? [];
        for (var i = 0; i < interventions.Count; i++)
        {
            var item = interventions[i];
            var (_, errors) = ScenarioRequestMapper.Map(request with { Interventions = [item] }, city, defaultSeed, liveNow);
            var reasons = errors.Where(e => e.Key.StartsWith(TargetPath, StringComparison.Ordinal)).SelectMany(e => e.Value).ToList();
            if (reasons.Count > 0)
            {
                dropped.Add(new DroppedIntervention(i, item?.Type ?? "", string.Join("; ", reasons)));
                continue;
            }
            kept.Add(new KeptIntervention(i, item?.Type ?? "", item?.Target?.Kind ?? ""));
            keptRequests.Add(item!);
        }

        var fitted = request with { Interventions = keptRequests };
        var (_, remaining) = ScenarioRequestMapper.Map(fitted, city, defaultSeed, liveNow);
        if (remaining.Count > 0) return (null, remaining.ToDictionary(e => "scenario." + e.Key, e => e.Value, StringComparer.Ordinal));

        var notes = new List<string>();
        if (string.Equals(request.Start?.Kind, "fork", StringComparison.OrdinalIgnoreCase))
            notes.Add($"the run forks the live twin of {city.NameEn} now");
        return (new RetargetReport(file.City, city.Id, kept, dropped, notes, fitted), []);
    }
}
