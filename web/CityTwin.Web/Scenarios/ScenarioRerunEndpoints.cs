using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Model.City;
using CityTwin.Simulation;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// Taking a scenario from one city to another: a run's definition as a file
/// (<c>GET /api/scenarios/{id}/export/definition.json</c>) and, in the other city, the report of what
/// carries over (<c>POST /api/scenarios/retarget</c>, planners) before it is run with <c>POST /api/scenarios</c>.
/// </summary>
public static class ScenarioRerunEndpoints
{
    public static void MapScenarioRerunEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scenarios").WithTags("Scenarios");

        api.MapGet("/{id}/export/definition.json", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, HttpContext http, IGrainFactory grains, CityCatalog city) =>
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            // Unpublished runs are the planners' (as everywhere in the scenario API): 404 for anyone else.
            if (await grain.GetSummaryAsync() is not { } summary || !(summary.Published || Policies.CanPlan(http.User)) || await grain.GetDefinitionAsync() is not { } definition)
                return TypedResults.Problem($"No scenario {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
            var file = new ScenarioDefinitionFile(ScenarioDefinitionFile.FormatName, city.Id, ScenarioRequestExport.From(definition));
            var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(file,
                http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
            return TypedResults.File(json, "application/json", $"scenario-{city.Id}-{id}.json");
        }).Produces<ScenarioDefinitionFile>(StatusCodes.Status200OK, "application/json")
            .WithSummary("A run's definition as a file to rerun in another city ({format, city, scenario} with scenario in the shape POST /api/scenarios takes)");

        api.MapPost("/retarget", async Task<Results<Ok<RetargetReport>, ValidationProblem>> (
            ScenarioDefinitionFile? file, CityCatalog city, IGrainFactory grains, IOptions<SimulationOptions> simulation, ILogger<ScenarioDefinitionFile> logger) =>
        {
            if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["a scenario definition file is required"] });
            var clock = await grains.GetGrain<ICityGrain>(city.Id).GetClockAsync();
            var (report, errors) = ScenarioRetargeting.Retarget(file, city, simulation.Value.Seed, clock.SimTime);
            if (report is null)
            {
                logger.LogWarning("Refused a definition from {City} for a rerun: {Errors}", file.City, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
                return TypedResults.ValidationProblem(errors, title: "The scenario definition cannot run here");
            }
            return TypedResults.Ok(report);
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("What a definition made in another city becomes here (planner): interventions kept and left out with the reason, and the definition to run; nothing is started");
    }
}
