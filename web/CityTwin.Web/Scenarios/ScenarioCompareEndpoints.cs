using System.Text.RegularExpressions;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Model.City;
using CityTwin.Web.Security;
using CityTwin.Web.Stakeholders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Scenarios;

/// <summary>
/// Up to three completed runs side by side: <c>GET /api/scenarios/compare?ids=a,b,c</c> (JSON), its
/// printable brief and its CSV. Reading follows the runs' own rule: planners read them all, everyone
/// else the published ones; a run the caller may not read answers 404 as if it did not exist.
/// </summary>
public static partial class ScenarioCompareEndpoints
{
    public static void MapScenarioCompareEndpoints(this IEndpointRouteBuilder app)
    {
        var compare = app.MapGroup("/api/scenarios/compare").WithTags("Scenarios");

        compare.MapGet("/", async (string? ids, string? lenses, HttpContext http, IGrainFactory grains, ILogger<ScenarioComparison> logger) =>
            await WithComparisonAsync(ids, http, grains, logger, c => TypedResults.Ok(c), lenses))
            .WithSummary("Up to three completed runs side by side: each KPI's change (and its band over seeds) and each run's costs and payback");

        compare.MapGet("/brief", async (string? ids, string? lenses, HttpContext http, IGrainFactory grains, CityCatalog city, ILogger<ScenarioComparison> logger) =>
            await WithComparisonAsync(ids, http, grains, logger, c => TypedResults.Text(ScenarioCompareBrief.Html(c, city), ScenarioEndpoints.HtmlContentType), lenses))
            .Produces<string>(StatusCodes.Status200OK, ScenarioEndpoints.HtmlContentType)
            .WithSummary("A printable brief of up to three runs side by side: KPI changes, costs, payback and cumulative cash flow");

        compare.MapGet("/kpis.csv", async (string? ids, HttpContext http, IGrainFactory grains, ILogger<ScenarioComparison> logger) =>
            await WithComparisonAsync(ids, http, grains, logger, c => TypedResults.File(ScenarioCompareExports.Csv(c), ScenarioEndpoints.CsvContentType, "scenarios-compared.csv")))
            .Produces<Stream>(StatusCodes.Status200OK, ScenarioEndpoints.CsvContentType)
            .WithSummary("Up to three runs side by side as CSV (one row per run and KPI or money item)");
    }

    /// <summary>The ids of a request, or the message of why they are not acceptable.</summary>
    public static (IReadOnlyList<string> Ids, string? Error) ParseIds(string? ids)
    {
        var list = (ids ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (list.Length == 0) return ([], $"give 1 to {ScenarioComparison.MaxRuns} scenario ids, comma-separated");
        if (list.Length > ScenarioComparison.MaxRuns) return ([], $"{list.Length} ids; at most {ScenarioComparison.MaxRuns} runs can be compared");
        if (list.FirstOrDefault(id => !IdPattern().IsMatch(id)) is { } bad) return ([], $"'{(bad.Length > 40 ? bad[..40] + "…" : bad)}' is not a scenario id (letters, digits, '-' and '_', at most 64)");
        if (list.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice) return ([], $"{twice.Key} is given twice");
        return (list, null);
    }

    private static async Task<Results<TResult, ValidationProblem, ProblemHttpResult>> WithComparisonAsync<TResult>(
        string? ids, HttpContext http, IGrainFactory grains, ILogger logger, Func<ScenarioComparison, TResult> answer, string? lenses = null)
        where TResult : IResult
    {
        var (list, error) = ParseIds(ids);
        if (error is not null)
        {
            logger.LogWarning("Rejected scenario comparison: ids: {Error}", error);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [error] }, title: "The scenarios to compare are not valid");
        }
        var runs = new List<(ScenarioResultsDocument, ScenarioDefinition?)>(list.Count);
        foreach (var id in list)
        {
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (await grain.GetSummaryAsync() is not { } summary || !(summary.Published || Policies.CanPlan(http.User)))
                return TypedResults.Problem($"No scenario {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
            if (summary.Status != ScenarioStatus.Completed || await grain.GetResultsAsync() is not { } results)
                return TypedResults.Problem($"Scenario {id} is {summary.Status.ToString().ToLowerInvariant()}; runs can be compared once they have completed",
                    statusCode: StatusCodes.Status409Conflict, title: "No results yet");
            runs.Add((results, await grain.GetDefinitionAsync()));
        }
        // The stakeholder lenses' scores and the approved comments (all lenses unless some are named).
        var (comparison, lensError) = await StakeholderComparison.AddAsync(ScenarioComparison.Of(runs), lenses, http.RequestServices.GetRequiredService<LensCatalog>(), grains);
        if (comparison is null)
        {
            logger.LogWarning("Rejected scenario comparison: lenses: {Error}", lensError);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lenses"] = [lensError!] }, title: "The lenses to compare through are not valid");
        }
        return answer(comparison);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
