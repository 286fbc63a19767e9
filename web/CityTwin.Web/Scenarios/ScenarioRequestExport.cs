using CityTwin.Abstractions.Scenarios.Definitions;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// The inverse of <see cref="ScenarioRequestMapper"/>: a stored definition back in the request shape,
/// so an exported definition can be imported, retargeted and sent to <c>POST /api/scenarios</c> as a
/// planner would have typed it. A fork of the live twin stays a fork: in another city it starts from
/// that city's live clock.
/// </summary>
public static class ScenarioRequestExport
{
    public static ScenarioRequest From(ScenarioDefinition definition) => new(
        definition.Name,
        definition.Description,
        definition.Start.Kind == ScenarioStartKind.ForkLive ? new StartRequest("fork", null) : new StartRequest("baseline", definition.Start.Date),
        definition.Horizon.TotalHours,
        definition.Step.TotalMinutes,
        definition.Seed,
        Conditions(definition.Conditions),
        [.. (definition.Interventions ?? []).Select(i => new InterventionRequest(i.Type, i.Parameters, Target(i.Target)))],
        definition.SeedCount,
        definition.Economics is { } e ? new EconomicsRequest(e.TariffPerKwh, e.CarbonPricePerTonne, e.DiscountRatePercent, e.AppraisalYears) : null);

    private static List<ConditionRequest>? Conditions(ScenarioConditions? conditions)
    {
        if (conditions is null || conditions.IsEmpty) return null;
        var list = new List<ConditionRequest>();
        // The API sets a constant offset only (one point).
        if (conditions.TemperatureOffsets is [var first, ..])
            list.Add(new(ConditionCatalog.TemperatureOffset, new Dictionary<string, double> { ["offsetC"] = first.OffsetC }));
        if (conditions.Heatwave is { } h)
            list.Add(new(ConditionCatalog.Heatwave, new Dictionary<string, double> { ["startHours"] = h.StartHours, ["durationHours"] = h.DurationHours, ["peakC"] = h.PeakC }));
        if (conditions.HeavyRain is { } r)
            list.Add(new(ConditionCatalog.HeavyRain, new Dictionary<string, double> { ["startHours"] = r.StartHours, ["durationHours"] = r.DurationHours, ["rainMmH"] = r.RainMmH }));
        return list;
    }

    private static TargetRequest Target(ScenarioTarget target) => target.Kind switch
    {
        ScenarioTargetKind.Gu => new("gu", [target.Code ?? ""], null, null),
        ScenarioTargetKind.Dong => new("dong", [target.Code ?? ""], null, null),
        ScenarioTargetKind.Polygon => new("polygon", null, [.. (target.Polygon ?? []).Select(p => new[] { p.Lon, p.Lat })], null),
        ScenarioTargetKind.Assets => new("assets", null, null, target.AssetIds ?? []),
        _ => new("city", null, null, null),
    };
}
