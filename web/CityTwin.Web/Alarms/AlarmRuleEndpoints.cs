using System.Text.Json;
using CityTwin.Abstractions.Alarms;
using CityTwin.Model.City;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Alarms;

/// <summary>
/// The alarm rule book: read by anyone who may read, edited by operators and admins. Every edit
/// raises the rule's version and is audited with the rule before and after; silos apply it within
/// a few seconds.
/// </summary>
public static class AlarmRuleEndpoints
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void MapAlarmRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alarm-rules").WithTags("Alarms");

        api.MapGet("/", async (IGrainFactory grains) => TypedResults.Ok(await Book(grains).GetAsync()))
            .WithSummary("Every alarm rule with the rule book's version");

        api.MapGet("/{id}", async Task<Results<Ok<AlarmRule>, ProblemHttpResult>> (string id, IGrainFactory grains) =>
            (await Book(grains).GetAsync()).Rules.FirstOrDefault(r => r.Id == id) is { } rule ? TypedResults.Ok(rule) : NotFound(id))
            .WithSummary("One alarm rule");

        api.MapPost("/", async Task<Results<Created<AlarmRule>, ValidationProblem, ProblemHttpResult>> (
            AlarmRuleRequest? request, HttpContext http, IGrainFactory grains, CityCatalog catalog, ILogger<AlarmRuleRequest> logger) =>
        {
            var (rule, errors) = AlarmRuleValidator.Validate(request, null, catalog);
            if (rule is null) return Invalid(errors, logger);
            if ((await Book(grains).GetAsync()).Rules.Any(r => r.Id == rule.Id))
                return TypedResults.Problem($"A rule {rule.Id} exists already; PUT /api/alarm-rules/{rule.Id} changes it", statusCode: StatusCodes.Status409Conflict, title: "Rule exists");
            var (_, after) = await Book(grains).UpsertAsync(rule);
            await http.AuditAsync("alarm-rule.create", target: after.Id, detail: $"after: {Json(after)}");
            return TypedResults.Created($"/api/alarm-rules/{after.Id}", after);
        }).RequireAuthorization(Policies.AlarmOperation)
            .WithSummary("Add an alarm rule (operator, admin): 201; 400 with an error per field");

        api.MapPut("/{id}", async Task<Results<Ok<AlarmRule>, ValidationProblem, ProblemHttpResult>> (
            string id, AlarmRuleRequest? request, HttpContext http, IGrainFactory grains, CityCatalog catalog, ILogger<AlarmRuleRequest> logger) =>
        {
            var (rule, errors) = AlarmRuleValidator.Validate(request, id, catalog);
            if (rule is null) return Invalid(errors, logger);
            if ((await Book(grains).GetAsync()).Rules.FirstOrDefault(r => r.Id == id) is not { } current) return NotFound(id);
            // Without new names, the old ones stay while the (English) name does; a renamed rule shows its new name in all.
            if (request!.Names is null) rule = rule with { Names = current.Name == rule.Name ? current.Names : null };
            var (before, after) = await Book(grains).UpsertAsync(rule);
            await http.AuditAsync("alarm-rule.update", target: id, detail: $"before: {Json(before)} after: {Json(after)}");
            return TypedResults.Ok(after);
        }).RequireAuthorization(Policies.AlarmOperation)
            .WithSummary("Change an alarm rule (operator, admin): its version rises; audited with before and after");

        api.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, HttpContext http, IGrainFactory grains) =>
        {
            if (await Book(grains).DeleteAsync(id) is not { } before) return NotFound(id);
            await http.AuditAsync("alarm-rule.delete", target: id, detail: $"before: {Json(before)}");
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.AlarmOperation)
            .WithSummary("Remove an alarm rule (operator, admin); its open alarms clear within seconds");
    }

    private static IAlarmRulesGrain Book(IGrainFactory grains) => grains.GetGrain<IAlarmRulesGrain>(IAlarmRulesGrain.Key);

    private static string Json(AlarmRule? rule) => rule is null ? "null" : JsonSerializer.Serialize(rule, AuditJson);

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, ILogger logger)
    {
        logger.LogWarning("Rejected alarm rule: {Errors}", string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        return TypedResults.ValidationProblem(errors, title: "The alarm rule is not valid");
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No alarm rule {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown alarm rule");
}
