namespace CityTwin.Web.Scenarios;

/// <summary>The body of <c>POST /api/scenarios</c>, as the planner UI sends it.</summary>
public sealed record ScenarioRequest(
    string? Name,
    string? Description,
    StartRequest? Start,
    double HorizonHours,
    double StepMinutes,
    int? Seed,
    IReadOnlyList<ConditionRequest>? Conditions,
    IReadOnlyList<InterventionRequest>? Interventions,
    int? SeedCount = null,
    EconomicsRequest? Economics = null);

/// <summary>The run's own tariff, carbon price, discount rate and appraisal years; each one left out takes the city pack's default.</summary>
public sealed record EconomicsRequest(double? TariffPerKwh, double? CarbonPricePerTonne, double? DiscountRatePercent, double? AppraisalYears);

/// <summary><c>{kind:"baseline", date:"2026-07-15"}</c> or <c>{kind:"fork"}</c> (the live twin's clock now).</summary>
public sealed record StartRequest(string? Kind, DateOnly? Date);

/// <summary>A weather condition: <c>temperature-offset</c>, <c>heatwave</c> or <c>heavy-rain</c> with its parameters.</summary>
public sealed record ConditionRequest(string? Type, IReadOnlyDictionary<string, double>? Parameters);

/// <summary>An intervention from the catalogue, its parameters and where it applies.</summary>
public sealed record InterventionRequest(string? Type, IReadOnlyDictionary<string, double>? Parameters, TargetRequest? Target);

/// <summary><c>{kind:"city"|"gu"|"dong"|"polygon"|"assets", codes?, polygon?:[[lon,lat]…], assets?}</c>.</summary>
public sealed record TargetRequest(string? Kind, IReadOnlyList<string>? Codes, IReadOnlyList<double[]>? Polygon, IReadOnlyList<string>? Assets);
