using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Kpis;
using CityTwin.Simulation;
using CityTwin.Accounts;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// What-if scenarios: the catalogue, runs, results and exports. Planners (and admins) run, publish
/// and delete them and read them all; everyone else reads published ones only, and an unpublished
/// scenario answers them 404 as if it did not exist.
/// </summary>
public static class ScenarioEndpoints
{
    public const string CsvContentType = "text/csv";
    public const string GeoJsonContentType = "application/geo+json";
    public const string HtmlContentType = "text/html; charset=utf-8";

    private static readonly ScenarioCatalogResponse Catalog = new(
        [.. InterventionCatalog.Default.Types.Select(t => new CatalogEntry(t.Id, t.Name, t.Description,
            [.. t.Targets.Select(k => k.ToString().ToLowerInvariant())],
            [.. t.Parameters.Select(p => new CatalogParameter(p.Name, p.Name, p.Unit, p.Default, p.Min, p.Max, p.Description, p.WholeNumber))]))],
        ConditionCatalog.Entries,
        [.. ScenarioKpiCatalog.Default.Kpis.Select(k => new KpiInfo(k.Id, k.Name, k.TotalUnit, k.SeriesUnit,
            k.Better == KpiDirection.LowerIsBetter ? "lower" : "higher", k.Definition, k.IsoTheme, k.Source))],
        new ScenarioLimitsInfo(ScenarioLimits.MinHorizon.TotalHours, ScenarioLimits.MaxHorizon.TotalHours,
            ScenarioLimits.MinStep.TotalMinutes, ScenarioLimits.MaxStep.TotalMinutes, ScenarioLimits.MaxSteps));

    public static void MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scenarios").WithTags("Scenarios");

        api.MapGet("/catalog", (CityCatalog city) => TypedResults.Ok(Catalog with { Economics = city.Pack.Economics }))
            .WithSummary("Interventions and conditions with their parameters (unit, default, range) and targets; the KPIs and their meaning");

        api.MapPost("/", async Task<Results<Accepted<ScenarioView>, ValidationProblem>> (
            ScenarioRequest? request, HttpContext http, CityCatalog city, IGrainFactory grains, IOptions<SimulationOptions> simulation, ILogger<ScenarioRequest> logger) =>
        {
            var clock = await grains.GetGrain<ICityGrain>(city.Id).GetClockAsync();
            var (definition, errors) = ScenarioRequestMapper.Map(request, city, simulation.Value.Seed, clock.SimTime);
            if (definition is null)
            {
                logger.LogWarning("Rejected scenario definition: {Errors}", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
                return TypedResults.ValidationProblem(errors, title: "The scenario definition is not valid");
            }
            var id = Guid.NewGuid().ToString("N")[..12];
            var summary = await grains.GetGrain<IScenarioGrain>(id).StartAsync(definition, Actor.NameOf(http.User));
            await http.AuditAsync(AuditActions.ScenarioRun, target: id, detail: $"{definition.Name}: {definition.Interventions?.Count ?? 0} interventions, {definition.Horizon.TotalHours:0.#} h");
            return TypedResults.Accepted($"/api/scenarios/{id}", ScenarioView.Of(summary));
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("Queue a scenario run (planner): 202 {id, status}; 400 with an error per field");

        api.MapGet("/", async (HttpContext http, IGrainFactory grains) =>
            TypedResults.Ok<IReadOnlyList<ScenarioView>>(
                [.. (await grains.GetGrain<IScenarioRegistryGrain>(IScenarioRegistryGrain.Key).ListAsync())
                    .Where(s => s.Published || Policies.CanPlan(http.User)).Select(ScenarioView.Of)]))
            .WithSummary("Scenarios, newest first, with status and progress: all of them for planners, the published ones for everyone else");

        api.MapGet("/{id}", async Task<Results<Ok<ScenarioView>, ProblemHttpResult>> (string id, HttpContext http, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await VisibleSummaryAsync(grain, http) is not { } summary) return NotFound(id);
            return TypedResults.Ok(ScenarioView.Of(summary) with { Definition = await grain.GetDefinitionAsync() });
        }).WithSummary("One scenario: status, progress, timings, error and definition");

        api.MapGet("/{id}/results", async Task<Results<Ok<ScenarioResultsDocument>, ProblemHttpResult>> (string id, HttpContext http, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await VisibleSummaryAsync(grain, http) is not { } summary) return NotFound(id);
            if (summary.Status != ScenarioStatus.Completed || await grain.GetResultsAsync() is not { } results)
                return TypedResults.Problem($"Scenario {id} is {summary.Status.ToString().ToLowerInvariant()}; results exist once it has completed",
                    statusCode: StatusCodes.Status409Conflict, title: "No results yet");
            return TypedResults.Ok(results);
        }).WithSummary("Baseline against scenario: KPI totals for the city, districts and dongs, city time series");

        api.MapGet("/{id}/series/{area}", async Task<Results<Ok<ScenarioSeriesResponse>, ProblemHttpResult>> (
            string id, string area, HttpContext http, IGrainFactory grains, CityCatalog city) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await VisibleSummaryAsync(grain, http) is not { } summary) return NotFound(id);
            if (summary.Status != ScenarioStatus.Completed || await grain.GetDefinitionAsync() is not { } definition || await grain.GetResultsAsync() is not { } results)
                return TypedResults.Problem($"Scenario {id} has no results yet", statusCode: StatusCodes.Status409Conflict, title: "No results yet");
            if (area == city.Id) return TypedResults.Ok(new ScenarioSeriesResponse(area, AreaLevel.City, results.Times, results.Series));
            var (level, gu) = city.FindDistrict(area) is { } district ? (AreaLevel.Gu, district.Code)
                : city.FindDong(area) is { } dong ? (AreaLevel.Dong, dong.GuCode)
                : (AreaLevel.City, null as string);
            if (gu is null)
                return TypedResults.Problem($"No gu or dong {area} in {city.NameEn}", statusCode: StatusCodes.Status404NotFound, title: "Unknown area");
            var s = await grains.GetGrain<IScenarioPartitionGrain>($"{id}/{gu}").SeriesAsync(definition, area);
            var series = s.KpiIds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => new SeriesPair(s.Units[x.i], s.Baseline[x.i], s.Scenario[x.i]));
            return TypedResults.Ok(new ScenarioSeriesResponse(area, level, results.Times, series));
        }).WithSummary("KPI time series of the city, a gu or a dong (recomputed for gu and dong: same definition and seed, same numbers)");

        api.MapDelete("/{id}", async Task<Results<Accepted<ScenarioView>, NoContent, ProblemHttpResult>> (string id, HttpContext http, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await grain.GetSummaryAsync() is not { } summary) return NotFound(id);
            if (summary.IsActive)
            {
                var cancelled = await grain.CancelAsync();
                await http.AuditAsync(AuditActions.ScenarioCancel, target: id, detail: summary.Name);
                return TypedResults.Accepted($"/api/scenarios/{id}", ScenarioView.Of(cancelled ?? summary));
            }
            await grain.DeleteAsync();
            await http.AuditAsync(AuditActions.ScenarioDelete, target: id, detail: summary.Name);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("Cancel a queued or running scenario (202), or remove a finished one (204) (planner)");

        api.MapPost("/{id}/publish", async Task<Results<Ok<ScenarioView>, ValidationProblem, ProblemHttpResult>> (string id, PublishRequest? request, HttpContext http, IGrainFactory grains) =>
        {
            if (request?.Published is not { } published)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["published"] = ["Say whether to publish (true) or take back (false)"] });
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await grain.GetSummaryAsync() is not { } summary) return NotFound(id);
            if (published && summary.Status != ScenarioStatus.Completed)
                return TypedResults.Problem($"Scenario {id} is {summary.Status.ToString().ToLowerInvariant()}; only a completed run can be published",
                    statusCode: StatusCodes.Status409Conflict, title: "Not completed");
            var changed = await grain.SetPublishedAsync(published, Actor.NameOf(http.User)) ?? summary;
            await http.AuditAsync(published ? AuditActions.ScenarioPublish : AuditActions.ScenarioUnpublish, target: id, detail: summary.Name);
            return TypedResults.Ok(ScenarioView.Of(changed));
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("Publish a completed scenario for everyone (the public view), or take it back (planner)");

        api.MapGet("/{id}/export/kpis.csv", async (string id, HttpContext http, IGrainFactory grains) =>
            await WithResultsAsync(id, http, grains, doc => TypedResults.File(ScenarioExports.Csv(doc), CsvContentType, $"scenario-{id}-kpis.csv")))
            .Produces<Stream>(StatusCodes.Status200OK, CsvContentType)
            .WithSummary("The city's KPI time series, baseline and scenario, as CSV");

        api.MapGet("/{id}/export/economics.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, HttpContext http, IGrainFactory grains) =>
        {
            var answer = await WithResultsAsync(id, http, grains, doc => ScenarioExports.EconomicsCsv(doc) is { } csv
                ? (IResult)TypedResults.File(csv, CsvContentType, $"scenario-{id}-economics.csv")
                : TypedResults.Problem($"Scenario {id} has no costs: it was stored before costs were computed, or the city pack has no economic assumptions",
                    statusCode: StatusCodes.Status404NotFound, title: "Not appraised"));
            return answer.Result switch
            {
                FileContentHttpResult file => file,
                ProblemHttpResult problem => problem,
                _ => TypedResults.Problem("No results", statusCode: StatusCodes.Status409Conflict),
            };
        })
            .Produces<Stream>(StatusCodes.Status200OK, CsvContentType)
            .WithSummary("Costs and payback of the city, every gu and every dong, as CSV");

        api.MapGet("/{id}/export/results.json", async (string id, HttpContext http, IGrainFactory grains) =>
            await WithResultsAsync(id, http, grains, doc => TypedResults.File(
                System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(doc, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions),
                "application/json", $"scenario-{id}-results.json")))
            .Produces<ScenarioResultsDocument>(StatusCodes.Status200OK, "application/json")
            .WithSummary("The whole results document (KPIs, series, costs, bands) as a JSON download");

        api.MapGet("/{id}/export/districts.geojson", async (string id, HttpContext http, IGrainFactory grains, CityCatalog city) =>
            await WithResultsAsync(id, http, grains, doc => TypedResults.File(ScenarioExports.DistrictsGeoJson(doc, city), GeoJsonContentType, $"scenario-{id}-districts.geojson")))
            .Produces<Stream>(StatusCodes.Status200OK, GeoJsonContentType)
            .WithSummary("District boundaries with baseline, scenario and delta of every KPI, as GeoJSON");

        api.MapGet("/{id}/brief", async (string id, string? kpi, HttpContext http, IGrainFactory grains, CityCatalog city) =>
        {
            var definition = await grains.GetGrain<IScenarioGrain>(id).GetDefinitionAsync();
            var stakeholders = await Stakeholders.StakeholderComparison.ForRunAsync(id, http, grains);
            return await WithResultsAsync(id, http, grains, doc => TypedResults.Text(ScenarioBrief.Html(doc, definition, city, kpi, stakeholders), HtmlContentType));
        })
            .Produces<string>(StatusCodes.Status200OK, HtmlContentType)
            .WithSummary("A printable one-page policy brief: map of the delta per district, KPI table, assumptions, date and seed, the stakeholder lenses' scores and approved comments");
    }

    /// <summary>Answers with <paramref name="answer"/> of the results, or the problem of why there are none.</summary>
    private static async Task<Results<TResult, ProblemHttpResult>> WithResultsAsync<TResult>(
        string id, HttpContext http, IGrainFactory grains, Func<ScenarioResultsDocument, TResult> answer)
        where TResult : IResult
    {
        var grain = grains.GetGrain<IScenarioGrain>(id);
        if (await VisibleSummaryAsync(grain, http) is null) return NotFound(id);
        if (await grain.GetResultsAsync() is not { } results)
            return TypedResults.Problem($"Scenario {id} has no results yet", statusCode: StatusCodes.Status409Conflict, title: "No results yet");
        return answer(results);
    }

    /// <summary>The scenario's summary when the caller may read it: published, or the caller plans.</summary>
    private static async Task<ScenarioSummary?> VisibleSummaryAsync(IScenarioGrain grain, HttpContext http) =>
        await grain.GetSummaryAsync() is { } summary && (summary.Published || Policies.CanPlan(http.User)) ? summary : null;

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No scenario {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
}
