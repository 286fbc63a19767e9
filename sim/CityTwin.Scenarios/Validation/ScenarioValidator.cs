using System.Globalization;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;

namespace CityTwin.Scenarios.Validation;

/// <summary>
/// Checks a definition against the limits, the intervention catalogue and the city before anything
/// runs, and says what is wrong field by field so a form can show each message next to its input.
/// Paths use the JSON names: <c>horizon</c>, <c>step</c>, <c>start.date</c>,
/// <c>conditions.heatwave.peakC</c>, <c>interventions[1].parameters.sharePercent</c>,
/// <c>interventions[0].target.assetIds[3]</c>.
/// </summary>
public static class ScenarioValidator
{
    public static ScenarioValidationResult Validate(ScenarioDefinition? definition, InterventionCatalog catalog, CityCatalog city)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(city);
        var errors = new List<ValidationIssue>();
        var warnings = new List<ValidationIssue>();
        void Error(string path, string message) => errors.Add(new ValidationIssue(path, message));

        if (definition is null)
        {
            Error("", "a scenario definition is required");
            return new ScenarioValidationResult(errors, warnings);
        }

        if (string.IsNullOrWhiteSpace(definition.Name)) Error("name", "a name is required");
        else if (definition.Name.Length > ScenarioLimits.MaxNameLength) Error("name", $"the name has {definition.Name.Length} characters; at most {ScenarioLimits.MaxNameLength} are allowed");
        if (definition.Description is { Length: > ScenarioLimits.MaxDescriptionLength })
            Error("description", $"the description has {definition.Description.Length} characters; at most {ScenarioLimits.MaxDescriptionLength} are allowed");

        ValidateStart(definition.Start, Error);
        ValidateTiming(definition.Horizon, definition.Step, Error);
        ValidateConditions(definition.Conditions, definition.Horizon, Error);
        ValidateSeeds(definition, Error);
        ValidateEconomics(definition.Economics, Error);

        var interventions = definition.Interventions ?? [];
        if (interventions.Count > ScenarioLimits.MaxInterventions)
            Error("interventions", $"{interventions.Count} interventions; at most {ScenarioLimits.MaxInterventions} are allowed");
        for (var i = 0; i < interventions.Count; i++)
            ValidateIntervention(interventions[i], $"interventions[{i}]", catalog, city, Error, warnings);

        return new ScenarioValidationResult(errors, warnings);
    }

    private static void ValidateSeeds(ScenarioDefinition definition, Action<string, string> error)
    {
        if (definition.SeedCount is < 1 or > ScenarioLimits.MaxSeeds)
            error("seedCount", $"repeat over 1 to {ScenarioLimits.MaxSeeds} seeds, not {definition.SeedCount}");
        else if ((long)definition.SeedCount * definition.StepCount > ScenarioLimits.MaxSeedSteps)
            error("seedCount", $"{definition.SeedCount} seeds × {definition.StepCount} steps is more than {ScenarioLimits.MaxSeedSteps:N0}: use fewer seeds or longer steps");
    }

    private static void ValidateEconomics(ScenarioEconomics? economics, Action<string, string> error)
    {
        if (economics is null) return;
        void Range(double? value, string name, double max, string unit)
        {
            if (value is { } v && (!double.IsFinite(v) || v < 0 || v > max))
                error($"economics.{name}", $"{v} is out of range (0 to {max:N0} {unit})");
        }
        Range(economics.TariffPerKwh, "tariffPerKwh", ScenarioLimits.MaxTariffPerKwh, "per kWh");
        Range(economics.CarbonPricePerTonne, "carbonPricePerTonne", ScenarioLimits.MaxCarbonPricePerTonne, "per tonne");
        Range(economics.DiscountRatePercent, "discountRatePercent", ScenarioLimits.MaxDiscountRatePercent, "%");
        if (economics.AppraisalYears is { } years && years is < 1 or > ScenarioLimits.MaxAppraisalYears)
            error("economics.appraisalYears", $"{years} is out of range (1 to {ScenarioLimits.MaxAppraisalYears} years)");
    }

    private static void ValidateStart(ScenarioStart? start, Action<string, string> error)
    {
        if (start is null)
        {
            error("start", "a start is required: a baseline day (date) or a fork of the live twin (instant)");
            return;
        }
        switch (start.Kind)
        {
            case ScenarioStartKind.BaselineDay:
                if (start.Date is not { } date) error("start.date", "a baseline-day start needs a date");
                else if (date.Year is < ScenarioLimits.MinYear or > ScenarioLimits.MaxYear)
                    error("start.date", $"the date must fall in {ScenarioLimits.MinYear}–{ScenarioLimits.MaxYear}");
                break;
            case ScenarioStartKind.ForkLive:
                if (start.Instant is not { } instant) error("start.instant", "a fork of the live twin needs the instant to fork at");
                else if (instant.UtcDateTime.Year is < ScenarioLimits.MinYear or > ScenarioLimits.MaxYear)
                    error("start.instant", $"the instant must fall in {ScenarioLimits.MinYear}–{ScenarioLimits.MaxYear}");
                break;
            default:
                error("start.kind", $"unknown start kind {(int)start.Kind}; use baselineDay or forkLive");
                break;
        }
    }

    private static void ValidateTiming(TimeSpan horizon, TimeSpan step, Action<string, string> error)
    {
        var ok = true;
        if (horizon < ScenarioLimits.MinHorizon || horizon > ScenarioLimits.MaxHorizon)
        {
            error("horizon", $"the horizon must be between {Hours(ScenarioLimits.MinHorizon)} and {Hours(ScenarioLimits.MaxHorizon)} (7 days); got {Hours(horizon)}");
            ok = false;
        }
        if (step < ScenarioLimits.MinStep || step > ScenarioLimits.MaxStep)
        {
            error("step", $"the step must be between {ScenarioLimits.MinStep.TotalMinutes:0} and {ScenarioLimits.MaxStep.TotalMinutes:0} minutes; got {step.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture)} min");
            ok = false;
        }
        else if (step.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            error("step", $"the step must be a whole number of minutes; got {step.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture)} min");
            ok = false;
        }
        if (!ok) return;
        if (horizon.Ticks % step.Ticks != 0)
        {
            error("step", $"the horizon ({Hours(horizon)}) is not a whole number of {step.TotalMinutes:0}-minute steps");
            return;
        }
        var steps = horizon.Ticks / step.Ticks;
        if (steps > ScenarioLimits.MaxSteps)
        {
            var minimum = (int)Math.Ceiling(horizon.TotalMinutes / ScenarioLimits.MaxSteps);
            error("step", $"{steps} steps is too many (at most {ScenarioLimits.MaxSteps}); use a step of at least {minimum} min for this horizon");
        }
    }

    private static void ValidateConditions(ScenarioConditions? conditions, TimeSpan horizon, Action<string, string> error)
    {
        if (conditions is null) return;
        var horizonHours = horizon.TotalHours;
        if (conditions.TemperatureOffsets is { } points)
        {
            const string path = "conditions.temperatureOffsets";
            if (points.Count > ScenarioLimits.MaxTemperatureOffsetPoints)
                error(path, $"{points.Count} points; at most {ScenarioLimits.MaxTemperatureOffsetPoints} are allowed");
            var previous = double.NegativeInfinity;
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                if (p is null)
                {
                    error($"{path}[{i}]", "a point is required");
                    continue;
                }
                if (!double.IsFinite(p.AtHours) || p.AtHours < 0 || p.AtHours > horizonHours)
                    error($"{path}[{i}].atHours", $"must lie within the horizon, 0–{Num(horizonHours)} h");
                else if (p.AtHours < previous)
                    error($"{path}[{i}].atHours", "points must be in time order");
                else previous = p.AtHours;
                if (!double.IsFinite(p.OffsetC) || Math.Abs(p.OffsetC) > ScenarioLimits.MaxTemperatureOffsetC)
                    error($"{path}[{i}].offsetC", $"must be between −{ScenarioLimits.MaxTemperatureOffsetC} and +{ScenarioLimits.MaxTemperatureOffsetC} °C");
            }
        }
        if (conditions.Heatwave is { } heat)
        {
            WindowChecks("conditions.heatwave", heat.StartHours, heat.DurationHours, horizonHours, ScenarioLimits.MaxHeatwaveDuration, error);
            if (!double.IsFinite(heat.PeakC) || heat.PeakC <= 0 || heat.PeakC > ScenarioLimits.MaxHeatwavePeakC)
                error("conditions.heatwave.peakC", $"must be above 0 and at most {ScenarioLimits.MaxHeatwavePeakC} °C");
        }
        if (conditions.HeavyRain is { } rain)
        {
            WindowChecks("conditions.heavyRain", rain.StartHours, rain.DurationHours, horizonHours, ScenarioLimits.MaxRainDuration, error);
            if (!double.IsFinite(rain.RainMmH) || rain.RainMmH <= 0 || rain.RainMmH > ScenarioLimits.MaxRainMmH)
                error("conditions.heavyRain.rainMmH", $"must be above 0 and at most {ScenarioLimits.MaxRainMmH} mm/h (the Korean record is 141.5 mm/h)");
        }
    }

    private static void WindowChecks(string path, double start, double duration, double horizonHours, TimeSpan maxDuration, Action<string, string> error)
    {
        if (!double.IsFinite(start) || start < 0 || start >= horizonHours)
            error($"{path}.startHours", $"must lie within the horizon, 0 to under {Num(horizonHours)} h");
        if (!double.IsFinite(duration) || duration <= 0 || duration > maxDuration.TotalHours)
            error($"{path}.durationHours", $"must be above 0 and at most {Num(maxDuration.TotalHours)} h");
    }

    private static void ValidateIntervention(
        ScenarioIntervention? intervention, string path, InterventionCatalog catalog, CityCatalog city,
        Action<string, string> error, List<ValidationIssue> warnings)
    {
        if (intervention is null)
        {
            error(path, "an intervention is required");
            return;
        }
        var type = catalog.Find(intervention.Type);
        if (type is null)
        {
            error($"{path}.type", $"unknown intervention type '{intervention.Type}'; known types: {string.Join(", ", catalog.Types.Select(t => t.Id))}");
            return;
        }

        if (intervention.Parameters is { } parameters)
        {
            foreach (var (name, value) in parameters)
            {
                var p = type.FindParameter(name);
                var at = $"{path}.parameters.{name}";
                if (p is null)
                {
                    error(at, $"{type.Id} has no parameter '{name}'; its parameters are {string.Join(", ", type.Parameters.Select(x => x.Name))}");
                    continue;
                }
                if (!double.IsFinite(value)) error(at, "must be a finite number");
                else if (value < p.Min || value > p.Max) error(at, $"{Num(value)} {p.Unit} is out of range: {p.Name} must be between {Num(p.Min)} and {Num(p.Max)} {p.Unit}");
                else if (p.WholeNumber && value != Math.Floor(value)) error(at, $"{p.Name} must be a whole number");
            }
        }

        var target = intervention.Target;
        var targetPath = $"{path}.target";
        if (target is null)
        {
            error(targetPath, $"a target is required; {type.Id} allows {Kinds(type)}");
            return;
        }
        if (!type.Targets.Contains(target.Kind))
        {
            error($"{targetPath}.kind", $"{type.Id} cannot target {Kind(target.Kind)}; it allows {Kinds(type)}");
            return;
        }
        if (!ValidateTarget(target, targetPath, type, city, error)) return;

        // Valid but probably not what was meant: nothing in the target for this intervention to change.
        var resolver = new TargetResolver(target, city);
        var matches = type.AssetKinds.Count == 0
            ? city.Dongs.Count(resolver.ContainsDong)
            : city.Assets.Count(a => Applies(type, a) && resolver.Contains(a));
        if (matches == 0)
        {
            var what = type.AssetKinds.Count == 0 ? "dong" : string.Join(" or ", type.AssetKinds) + " asset";
            warnings.Add(new ValidationIssue(targetPath, $"the target holds no {what} that {type.Id} can change, so it has no effect"));
        }
    }

    private static bool ValidateTarget(ScenarioTarget target, string path, InterventionType type, CityCatalog city, Action<string, string> error)
    {
        switch (target.Kind)
        {
            case ScenarioTargetKind.City:
                return true;
            case ScenarioTargetKind.Gu:
                if (string.IsNullOrWhiteSpace(target.Code)) error($"{path}.code", "a gu code is required");
                else if (city.FindDistrict(target.Code) is null) error($"{path}.code", $"unknown gu '{target.Code}'");
                else return true;
                return false;
            case ScenarioTargetKind.Dong:
                if (string.IsNullOrWhiteSpace(target.Code)) error($"{path}.code", "a dong code is required");
                else if (city.FindDong(target.Code) is null) error($"{path}.code", $"unknown dong '{target.Code}'");
                else return true;
                return false;
            case ScenarioTargetKind.Polygon:
                {
                    var polygon = PolygonBuilder.TryBuild(target.Polygon, out var problem);
                    if (polygon is null)
                    {
                        error($"{path}.polygon", problem ?? "bad polygon");
                        return false;
                    }
                    if (!city.Bounds.Intersects(polygon.EnvelopeInternal) || !city.Outline.Intersects(polygon))
                    {
                        error($"{path}.polygon", $"the polygon lies outside {city.NameEn}");
                        return false;
                    }
                    return true;
                }
            case ScenarioTargetKind.Assets:
                {
                    var ids = target.AssetIds;
                    if (ids is null || ids.Count == 0)
                    {
                        error($"{path}.assetIds", "at least one asset id is required");
                        return false;
                    }
                    if (ids.Count > ScenarioLimits.MaxAssetIds)
                    {
                        error($"{path}.assetIds", $"{ids.Count} assets; at most {ScenarioLimits.MaxAssetIds} are allowed (use a polygon or an area)");
                        return false;
                    }
                    var ok = true;
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = 0; i < ids.Count; i++)
                    {
                        var at = $"{path}.assetIds[{i}]";
                        var id = ids[i];
                        var asset = id is null ? null : city.FindAsset(id);
                        if (asset is null)
                        {
                            error(at, $"unknown asset '{id}'");
                            ok = false;
                        }
                        else if (!seen.Add(id!))
                        {
                            error(at, $"asset '{id}' is listed twice");
                            ok = false;
                        }
                        else if (!type.AssetKinds.Contains(AssetKinds.Of(asset.Kind).WireName))
                        {
                            error(at, $"'{id}' is a {AssetKinds.Of(asset.Kind).WireName}; {type.Id} applies to {string.Join(", ", type.AssetKinds)}");
                            ok = false;
                        }
                        else if (asset.Spec is RoadSpec { Class: RoadClass.Footway })
                        {
                            error(at, $"'{id}' is a footway; {type.Id} applies to roads that carry vehicles");
                            ok = false;
                        }
                    }
                    return ok;
                }
            default:
                error($"{path}.kind", $"unknown target kind {(int)target.Kind}");
                return false;
        }
    }

    /// <summary>Whether an intervention type changes this asset (its kind, and vehicles for roads).</summary>
    private static bool Applies(InterventionType type, AssetDescriptor asset) =>
        type.AssetKinds.Contains(AssetKinds.Of(asset.Kind).WireName) && asset.Spec is not RoadSpec { Class: RoadClass.Footway };

    private static string Kinds(InterventionType type) => string.Join(", ", type.Targets.Select(Kind));

    private static string Kind(ScenarioTargetKind kind) => kind switch
    {
        ScenarioTargetKind.City => "the city",
        ScenarioTargetKind.Gu => "a gu",
        ScenarioTargetKind.Dong => "a dong",
        ScenarioTargetKind.Polygon => "a polygon",
        ScenarioTargetKind.Assets => "a list of assets",
        _ => kind.ToString(),
    };

    private static string Hours(TimeSpan t) => $"{t.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)} h";

    private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
