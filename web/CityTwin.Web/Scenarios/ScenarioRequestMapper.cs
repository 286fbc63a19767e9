using System.Text.RegularExpressions;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Validation;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// Turns a planner's request into the engine's definition and validates it, reporting every error
/// under the path of the field the planner typed it in (<c>interventions[1].parameters.sharePercent</c>).
/// </summary>
public static partial class ScenarioRequestMapper
{
    public static (ScenarioDefinition? Definition, Dictionary<string, string[]> Errors) Map(
        ScenarioRequest? request, CityCatalog city, int defaultSeed, DateTimeOffset liveNow)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string path, string message)
        {
            if (!errors.TryGetValue(path, out var list)) errors[path] = list = [];
            list.Add(message);
        }

        if (request is null)
        {
            Error("body", "a scenario definition is required");
            return (null, Flatten(errors));
        }

        var start = request.Start?.Kind?.ToLowerInvariant() switch
        {
            "fork" or "forklive" => ScenarioStart.ForkLive(liveNow),
            "baseline" or "baselineday" => new ScenarioStart(ScenarioStartKind.BaselineDay, request.Start.Date),
            null => null,
            var other => Invalid<ScenarioStart>(() => Error("start.kind", $"unknown start '{other}'; use baseline or fork")),
        };
        if (request.Start?.Kind is null) Error("start.kind", "choose a start: baseline (a day) or fork (the live twin now)");

        var conditionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var conditions = MapConditions(request.Conditions, conditionIndex, Error);
        var interventions = new List<ScenarioIntervention>();
        var requested = request.Interventions ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            var item = requested[i];
            var target = MapTarget(item?.Target, $"interventions[{i}].target", Error);
            interventions.Add(new ScenarioIntervention(item?.Type ?? "", item?.Parameters, target!));
        }

        var definition = new ScenarioDefinition(
            request.Name ?? "",
            request.Description,
            start!,
            HoursOrZero(request.HorizonHours),
            MinutesOrZero(request.StepMinutes),
            request.Seed ?? defaultSeed,
            conditions,
            interventions,
            MapEconomics(request.Economics, Error),
            request.SeedCount ?? 1);

        var result = ScenarioValidator.Validate(definition, InterventionCatalog.Default, city);
        foreach (var issue in result.Errors)
        {
            var path = ApiPath(issue.Path, conditionIndex);
            // A target the request could not even express was reported above; do not repeat it.
            if (!errors.ContainsKey(path)) Error(path, issue.Message);
        }
        return errors.Count == 0 ? (definition, []) : (null, Flatten(errors));
    }

    private static ScenarioEconomics? MapEconomics(EconomicsRequest? requested, Action<string, string> error)
    {
        if (requested is null) return null;
        int? years = null;
        if (requested.AppraisalYears is { } y)
        {
            // Whole years only; the validator checks the range of what reads as a whole number.
            if (!double.IsFinite(y) || y != Math.Floor(y) || Math.Abs(y) > 1e6) error("economics.appraisalYears", $"{y} is not a whole number of years");
            else years = (int)y;
        }
        return new ScenarioEconomics(requested.TariffPerKwh, requested.CarbonPricePerTonne, requested.DiscountRatePercent, years);
    }

    private static ScenarioConditions? MapConditions(IReadOnlyList<ConditionRequest>? requested, Dictionary<string, int> index, Action<string, string> error)
    {
        if (requested is null || requested.Count == 0) return null;
        List<TemperatureOffsetPoint>? offsets = null;
        HeatwaveCondition? heatwave = null;
        HeavyRainCondition? rain = null;
        for (var i = 0; i < requested.Count; i++)
        {
            var c = requested[i];
            var entry = ConditionCatalog.Find(c?.Type);
            if (entry is null)
            {
                error($"conditions[{i}].type", $"unknown condition '{c?.Type}'; known: {string.Join(", ", ConditionCatalog.Entries.Select(e => e.Type))}");
                continue;
            }
            if (index.ContainsKey(entry.Type))
            {
                error($"conditions[{i}].type", $"{entry.Type} is given twice");
                continue;
            }
            index[entry.Type] = i;
            double Value(string name) => c!.Parameters is { } p && p.TryGetValue(name, out var v) ? v : entry.Parameters.First(x => x.Name == name).Default;
            foreach (var name in c!.Parameters?.Keys ?? [])
                if (entry.Parameters.All(p => p.Name != name))
                    error($"conditions[{i}].parameters.{name}", $"{entry.Type} has no parameter '{name}'");
            switch (entry.Type)
            {
                case ConditionCatalog.TemperatureOffset:
                    offsets = [new TemperatureOffsetPoint(0, Value("offsetC"))];
                    break;
                case ConditionCatalog.Heatwave:
                    heatwave = new HeatwaveCondition(Value("startHours"), Value("durationHours"), Value("peakC"));
                    break;
                case ConditionCatalog.HeavyRain:
                    rain = new HeavyRainCondition(Value("startHours"), Value("durationHours"), Value("rainMmH"));
                    break;
            }
        }
        return new ScenarioConditions(offsets, heatwave, rain);
    }

    private static ScenarioTarget? MapTarget(TargetRequest? target, string path, Action<string, string> error)
    {
        if (target?.Kind is null) return null; // the validator names the missing target
        switch (target.Kind.ToLowerInvariant())
        {
            case "city":
                return ScenarioTarget.City();
            case "gu" or "dong":
                var codes = target.Codes ?? [];
                if (codes.Count != 1)
                {
                    error($"{path}.codes", codes.Count == 0 ? $"choose the {target.Kind} this applies to" : "one area per intervention: add the intervention again for another area");
                    return null;
                }
                return target.Kind.Equals("gu", StringComparison.OrdinalIgnoreCase) ? ScenarioTarget.Gu(codes[0]) : ScenarioTarget.Dong(codes[0]);
            case "polygon":
                var ring = target.Polygon ?? [];
                if (ring.Any(p => p is not { Length: 2 }))
                {
                    error($"{path}.polygon", "every vertex is [longitude, latitude]");
                    return null;
                }
                return ScenarioTarget.InPolygon([.. ring.Select(p => new GeoPoint(p[0], p[1]))]);
            case "assets":
                return ScenarioTarget.Assets(target.Assets ?? []);
            default:
                error($"{path}.kind", $"unknown target '{target.Kind}'; use city, gu, dong, polygon or assets");
                return null;
        }
    }

    /// <summary>The engine names fields as its definition does; the API as the request does.</summary>
    private static string ApiPath(string path, IReadOnlyDictionary<string, int> conditions)
    {
        if (path == "horizon") return "horizonHours";
        if (path == "step") return "stepMinutes";
        var m = ConditionPath().Match(path);
        if (!m.Success) return path;
        var (type, rest) = m.Groups[1].Value switch
        {
            "temperatureOffsets" => (ConditionCatalog.TemperatureOffset, ".parameters.offsetC"),
            "heatwave" => (ConditionCatalog.Heatwave, m.Groups[3].Success ? ".parameters." + m.Groups[3].Value : ""),
            _ => (ConditionCatalog.HeavyRain, m.Groups[3].Success ? ".parameters." + m.Groups[3].Value : ""),
        };
        return conditions.TryGetValue(type, out var i) ? $"conditions[{i}]{rest}" : "conditions";
    }

    [GeneratedRegex(@"^conditions\.(temperatureOffsets|heatwave|heavyRain)(\[\d+\])?(?:\.(\w+))?$")]
    private static partial Regex ConditionPath();

    private static TimeSpan HoursOrZero(double hours) => double.IsFinite(hours) && hours > 0 && hours < 1e6 ? TimeSpan.FromHours(hours) : TimeSpan.Zero;

    private static TimeSpan MinutesOrZero(double minutes) => double.IsFinite(minutes) && minutes > 0 && minutes < 1e7 ? TimeSpan.FromMinutes(minutes) : TimeSpan.Zero;

    private static T? Invalid<T>(Action report) where T : class
    {
        report();
        return null;
    }

    private static Dictionary<string, string[]> Flatten(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
