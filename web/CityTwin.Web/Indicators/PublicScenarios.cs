using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Definitions;
using CityTwin.Web.Indicators.Public;

namespace CityTwin.Web.Indicators;

/// <summary>
/// The published, completed scenarios as the public sees them. Only runs a planner published are
/// read; unpublished ones never leave the registry here, whoever asks.
/// </summary>
public sealed class PublicScenarios(IGrainFactory grains, CityCatalog city)
{
    private const int HighlightCount = 3;

    public async Task<IReadOnlyList<PublicScenario>> ListAsync()
    {
        var published = (await grains.GetGrain<IScenarioRegistryGrain>(IScenarioRegistryGrain.Key).ListAsync())
            .Where(s => s.Published && s.Status == ScenarioStatus.Completed)
            .ToList();
        var list = new List<PublicScenario>();
        foreach (var summary in published)
        {
            var grain = grains.GetGrain<IScenarioGrain>(summary.Id);
            // Read the run's own summary too: the registry may lag behind an unpublish by a moment.
            if (await grain.GetSummaryAsync() is not { Published: true } current || await grain.GetDefinitionAsync() is not { } definition) continue;
            var results = await grain.GetResultsAsync();
            list.Add(new PublicScenario(
                current.Id, current.Name, definition.Description, current.PublishedAt, current.CompletedAt,
                definition.Start.Kind == ScenarioStartKind.BaselineDay ? "baselineDay" : "fork",
                StartsAt(definition.Start),
                definition.Horizon.TotalHours, definition.Step.TotalMinutes, definition.Seed,
                Conditions(definition.Conditions), [.. (definition.Interventions ?? []).Select(Intervention)],
                [.. (results?.Kpis ?? []).Where(k => k.DeltaPercent is not null)
                    .OrderByDescending(k => Math.Abs(k.DeltaPercent!.Value)).Take(HighlightCount)
                    .Select(k => new PublicScenarioResult(k.Id, k.Name, k.Unit, k.Baseline, k.Scenario, k.DeltaPercent, k.Outcome))],
                $"/api/scenarios/{Uri.EscapeDataString(current.Id)}/brief"));
        }
        return list;
    }

    private DateTimeOffset? StartsAt(ScenarioStart start)
    {
        try
        {
            return start.StartInstant(city.Pack.Clock);
        }
        catch (InvalidOperationException)
        {
            return null; // a stored start without its date or instant: shown without a time
        }
    }

    private static List<PublicAssumption> Conditions(ScenarioConditions? c)
    {
        var list = new List<PublicAssumption>();
        if (c is null) return list;
        if (c.TemperatureOffsets is { Count: > 0 } t)
            list.Add(new PublicAssumption("temperatureOffset", "Temperature offset", null, [new PublicParameter("offsetC", t[0].OffsetC, "°C")]));
        if (c.Heatwave is { } h)
            list.Add(new PublicAssumption("heatwave", "Heatwave", null,
                [new PublicParameter("peakC", h.PeakC, "°C"), new PublicParameter("startHours", h.StartHours, "h"), new PublicParameter("durationHours", h.DurationHours, "h")]));
        if (c.HeavyRain is { } r)
            list.Add(new PublicAssumption("heavyRain", "Heavy rain", null,
                [new PublicParameter("rainMmH", r.RainMmH, "mm/h"), new PublicParameter("startHours", r.StartHours, "h"), new PublicParameter("durationHours", r.DurationHours, "h")]));
        return list;
    }

    private PublicAssumption Intervention(ScenarioIntervention iv)
    {
        var type = InterventionCatalog.Default.Find(iv.Type);
        return new PublicAssumption(iv.Type, type?.Name ?? iv.Type, Target(iv.Target),
            [.. (iv.Parameters ?? new Dictionary<string, double>()).Select(p => new PublicParameter(p.Key, p.Value, type?.FindParameter(p.Key)?.Unit ?? ""))]);
    }

    private PublicScenarioTarget Target(ScenarioTarget target) => target.Kind switch
    {
        ScenarioTargetKind.Gu when city.FindDistrict(target.Code ?? "") is { } gu => new("gu", gu.Code, gu.NameEn, gu.NameKo, null),
        ScenarioTargetKind.Dong when city.FindDong(target.Code ?? "") is { } dong => new("dong", dong.Code, dong.NameEn, dong.NameKo, null),
        ScenarioTargetKind.Polygon => new("polygon", null, null, null, null),
        ScenarioTargetKind.Assets => new("assets", null, null, null, target.AssetIds?.Count ?? 0),
        _ => new("city", null, null, null, null),
    };
}
