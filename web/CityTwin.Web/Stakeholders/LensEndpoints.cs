using System.Globalization;
using CityTwin.Abstractions.Stakeholders;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// Stakeholder lenses: everyone reads them; planners and admins create, change and delete them.
/// Every write is validated field by field and audited.
/// </summary>
public static class LensEndpoints
{
    public const string Route = "/api/lenses";

    public static void MapLensEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Route).WithTags("Stakeholders");

        api.MapGet("/", async (LensCatalog catalog) => TypedResults.Ok(await (await catalog.GrainAsync()).ListAsync()))
            .WithSummary("Every stakeholder lens: KPI weights, better directions and red lines, names per language");

        api.MapGet("/{id}", async Task<Results<Ok<Lens>, ProblemHttpResult>> (string id, LensCatalog catalog) =>
            await (await catalog.GrainAsync()).GetAsync(id) is { } lens ? TypedResults.Ok(lens) : NotFound(id))
            .WithSummary("One lens");

        api.MapPost("/", async Task<Results<Created<Lens>, ValidationProblem, ProblemHttpResult>> (
            LensInput? input, HttpContext http, LensCatalog catalog, TimeProvider time, ILogger<LensInput> logger) =>
        {
            var grain = await catalog.GrainAsync();
            var id = input?.Id ?? await FreeIdAsync(grain, input);
            var (lens, errors) = LensValidator.Validate(input, id, Actor.NameOf(http.User), time.GetUtcNow());
            if (lens is null) return Invalid(errors, logger);
            if (await grain.GetAsync(lens.Id) is not null)
                return TypedResults.Problem($"A lens {lens.Id} exists; change it with PUT {Route}/{lens.Id}", statusCode: StatusCodes.Status409Conflict, title: "Lens exists");
            if (!await grain.PutAsync(lens))
                return TypedResults.Problem($"The twin holds at most {LensLimits.MaxLenses} lenses; delete one first", statusCode: StatusCodes.Status409Conflict, title: "Too many lenses");
            await http.AuditAsync(StakeholderAuditActions.LensCreate, target: lens.Id, detail: Describe(lens));
            return TypedResults.Created($"{Route}/{lens.Id}", lens);
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("Create a lens (planner): 201; 400 with an error per field (kpis[2].weight); 409 when the id is taken");

        api.MapPut("/{id}", async Task<Results<Ok<Lens>, ValidationProblem, ProblemHttpResult>> (
            string id, LensInput? input, HttpContext http, LensCatalog catalog, TimeProvider time, ILogger<LensInput> logger) =>
        {
            if (input?.Id is { } bodyId && bodyId != id)
                return Invalid(new Dictionary<string, string[]> { ["id"] = [$"The body names lens {bodyId} but the address {id}"] }, logger);
            var grain = await catalog.GrainAsync();
            if (await grain.GetAsync(id) is null) return NotFound(id);
            var (lens, errors) = LensValidator.Validate(input, id, Actor.NameOf(http.User), time.GetUtcNow());
            if (lens is null) return Invalid(errors, logger);
            await grain.PutAsync(lens);
            await http.AuditAsync(StakeholderAuditActions.LensUpdate, target: id, detail: Describe(lens));
            return TypedResults.Ok(lens);
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("Replace a lens (planner): its names, group and every KPI weight");

        api.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, HttpContext http, LensCatalog catalog) =>
        {
            if (!await (await catalog.GrainAsync()).RemoveAsync(id)) return NotFound(id);
            await http.AuditAsync(StakeholderAuditActions.LensDelete, target: id);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("Delete a lens (planner)");
    }

    /// <summary>An id from the English name ("Port operators" → port-operators), made unique with a suffix.</summary>
    private static async Task<string> FreeIdAsync(ILensCatalogGrain grain, LensInput? input)
    {
        var name = input?.Name?.GetValueOrDefault(LensLimits.RequiredLanguage) ?? "lens";
        var slug = new string([.. name.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-')]);
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 40) slug = slug[..40].Trim('-');
        if (slug.Length == 0) slug = "lens";
        var id = slug;
        for (var n = 2; await grain.GetAsync(id) is not null; n++) id = $"{slug}-{n}";
        return id;
    }

    private static string Describe(Lens lens) =>
        $"{lens.Name[LensLimits.RequiredLanguage]}: {string.Join(", ", lens.Kpis.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Kpi}×{k.Weight:0.##}")))}";

    private static ValidationProblem Invalid(IDictionary<string, string[]> errors, ILogger logger)
    {
        logger.LogWarning("Rejected lens: {Errors}", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return TypedResults.ValidationProblem(errors, title: "The lens is not valid");
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No lens {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown lens");
}
