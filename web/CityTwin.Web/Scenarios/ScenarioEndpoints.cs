using System.Text.Json;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Grains.Scenarios;
using CityTwin.Grains.Scenarios.Results;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Kpis;
using CityTwin.Simulation;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Scenarios;

/// <summary>What-if scenarios: the catalogue, runs, results and exports.</summary>
public static class ScenarioEndpoints
{
    public static void MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scenarios").WithTags("Scenarios");

        api.MapGet("/catalog", () => new
        {
            interventions = InterventionCatalog.Default.Types.Select(t => new CatalogEntry(t.Id, t.Name, t.Description,
                [.. t.Targets.Select(k => k.ToString().ToLowerInvariant())],
                [.. t.Parameters.Select(p => new CatalogParameter(p.Name, p.Name, p.Unit, p.Default, p.Min, p.Max, p.Description, p.WholeNumber))])),
            conditions = ConditionCatalog.Entries,
            kpis = ScenarioKpiCatalog.Default.Kpis.Select(k => new
            {
                id = k.Id,
                name = k.Name,
                unit = k.TotalUnit,
                seriesUnit = k.SeriesUnit,
                better = k.Better == KpiDirection.LowerIsBetter ? "lower" : "higher",
                definition = k.Definition,
                isoTheme = k.IsoTheme,
                source = k.Source,
            }),
            limits = new
            {
                minHorizonHours = ScenarioLimits.MinHorizon.TotalHours,
                maxHorizonHours = ScenarioLimits.MaxHorizon.TotalHours,
                minStepMinutes = ScenarioLimits.MinStep.TotalMinutes,
                maxStepMinutes = ScenarioLimits.MaxStep.TotalMinutes,
                maxSteps = ScenarioLimits.MaxSteps,
            },
        }).WithSummary("Interventions and conditions with their parameters (unit, default, range) and targets; the KPIs and their meaning");

        api.MapPost("/", async (ScenarioRequest? request, CityCatalog city, IGrainFactory grains, IOptions<SimulationOptions> simulation, ILogger<ScenarioRequest> logger) =>
        {
            var clock = await grains.GetGrain<ICityGrain>(city.Id).GetClockAsync();
            var (definition, errors) = ScenarioRequestMapper.Map(request, city, simulation.Value.Seed, clock.SimTime);
            if (definition is null)
            {
                logger.LogWarning("Rejected scenario definition: {Errors}", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
                return Results.ValidationProblem(errors, title: "The scenario definition is not valid");
            }
            var id = Guid.NewGuid().ToString("N")[..12];
            var summary = await grains.GetGrain<IScenarioGrain>(id).StartAsync(
                definition.Name, ScenarioJson.Serialize(definition), definition.Horizon.TotalHours, definition.Step.TotalMinutes);
            return Results.Accepted($"/api/scenarios/{id}", ScenarioView.Of(summary));
        }).WithSummary("Queue a scenario run: 202 {id, status}; 400 with an error per field");

        api.MapGet("/", async (IGrainFactory grains) =>
            (await grains.GetGrain<IScenarioRegistryGrain>(IScenarioRegistryGrain.Key).ListAsync()).Select(ScenarioView.Of))
            .WithSummary("All scenarios, newest first, with status and progress");

        api.MapGet("/{id}", async (string id, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await grain.GetSummaryAsync() is not { } summary) return NotFound(id);
            var definition = await grain.GetDefinitionAsync();
            return Results.Ok(ScenarioView.Of(summary) with { Definition = definition is null ? null : JsonDocument.Parse(definition).RootElement });
        }).WithSummary("One scenario: status, progress, timings, error and definition");

        api.MapGet("/{id}/results", async (string id, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await grain.GetSummaryAsync() is not { } summary) return NotFound(id);
            if (summary.Status != ScenarioStatus.Completed || await grain.GetResultsAsync() is not { } json)
                return Results.Problem($"Scenario {id} is {summary.Status.ToString().ToLowerInvariant()}; results exist once it has completed",
                    statusCode: StatusCodes.Status409Conflict, title: "No results yet");
            return Results.Text(json, "application/json");
        }).WithSummary("Baseline against scenario: KPI totals for the city, districts and dongs, city time series");

        api.MapGet("/{id}/series/{area}", async (string id, string area, IGrainFactory grains, CityCatalog city) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await grain.GetSummaryAsync() is not { } summary) return NotFound(id);
            if (summary.Status != ScenarioStatus.Completed || await grain.GetDefinitionAsync() is not { } definition || await grain.GetResultsAsync() is not { } json)
                return Results.Problem($"Scenario {id} has no results yet", statusCode: StatusCodes.Status409Conflict, title: "No results yet");
            if (area == city.Id)
            {
                var doc = JsonSerializer.Deserialize<ScenarioResultsDocument>(json, ScenarioJson.Options)!;
                return Results.Ok(new { area, times = doc.Times, series = doc.Series });
            }
            var gu = city.FindDistrict(area)?.Code ?? city.FindDong(area)?.DistrictCode;
            if (gu is null)
                return Results.Problem($"No gu or dong {area} in {city.NameEn}", statusCode: StatusCodes.Status404NotFound, title: "Unknown area");
            var s = await grains.GetGrain<IScenarioPartitionGrain>($"{id}/{gu}").SeriesAsync(definition, area);
            var times = JsonSerializer.Deserialize<ScenarioResultsDocument>(json, ScenarioJson.Options)!.Times;
            return Results.Ok(new
            {
                area,
                times,
                series = s.KpiIds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => new SeriesPair(s.Units[x.i], s.Baseline[x.i], s.Scenario[x.i])),
            });
        }).WithSummary("KPI time series of the city, a gu or a dong (recomputed for gu and dong: same definition and seed, same numbers)");

        api.MapDelete("/{id}", async (string id, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await grain.GetSummaryAsync() is not { } summary) return NotFound(id);
            if (summary.IsActive)
            {
                var cancelled = await grain.CancelAsync();
                return Results.Accepted($"/api/scenarios/{id}", cancelled is null ? null : ScenarioView.Of(cancelled));
            }
            await grain.DeleteAsync();
            return Results.NoContent();
        }).WithSummary("Cancel a queued or running scenario (202), or remove a finished one (204)");

        api.MapGet("/{id}/export/kpis.csv", async (string id, IGrainFactory grains) =>
            await WithResultsAsync(id, grains, doc => Results.File(ScenarioExports.Csv(doc), "text/csv", $"scenario-{id}-kpis.csv")))
            .WithSummary("The city's KPI time series, baseline and scenario, as CSV");

        api.MapGet("/{id}/export/districts.geojson", async (string id, IGrainFactory grains, CityCatalog city) =>
            await WithResultsAsync(id, grains, doc => Results.File(ScenarioExports.DistrictsGeoJson(doc, city), "application/geo+json", $"scenario-{id}-districts.geojson")))
            .WithSummary("District boundaries with baseline, scenario and delta of every KPI, as GeoJSON");

        api.MapGet("/{id}/brief", async (string id, string? kpi, IGrainFactory grains, CityCatalog city) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            var definition = await grain.GetDefinitionAsync();
            return await WithResultsAsync(id, grains, doc => Results.Content(
                ScenarioBrief.Html(doc, definition is null ? null : ScenarioJson.Definition(definition), city, kpi), "text/html; charset=utf-8"));
        }).WithSummary("A printable one-page policy brief: map of the delta per district, KPI table, assumptions, date and seed");
    }

    private static async Task<IResult> WithResultsAsync(string id, IGrainFactory grains, Func<ScenarioResultsDocument, IResult> answer)
    {
        var grain = grains.GetGrain<IScenarioGrain>(id);
        if (await grain.GetSummaryAsync() is null) return NotFound(id);
        if (await grain.GetResultsAsync() is not { } json)
            return Results.Problem($"Scenario {id} has no results yet", statusCode: StatusCodes.Status409Conflict, title: "No results yet");
        return answer(JsonSerializer.Deserialize<ScenarioResultsDocument>(json, ScenarioJson.Options)!);
    }

    private static IResult NotFound(string id) =>
        Results.Problem($"No scenario {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
}
