using System.Text.Json;
using CityTwin.Abstractions.Tours;
using CityTwin.Accounts;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Tours;

/// <summary>
/// Tours: everyone reads them (a delegation's phones included); trainers and admins write, import
/// and delete them. Every write is validated field by field and audited.
/// </summary>
public static class TourEndpoints
{
    public const string Route = "/api/tours";

    public static void MapTourEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Route).WithTags("Tours");

        api.MapGet("/", async (TourCatalog catalog) => TypedResults.Ok(await (await catalog.GrainAsync()).ListAsync()))
            .WithSummary("Every tour with its stops");

        api.MapGet("/{id}", async Task<Results<Ok<Tour>, ProblemHttpResult>> (string id, TourCatalog catalog) =>
            await (await catalog.GrainAsync()).GetAsync(id) is { } tour ? TypedResults.Ok(tour) : NotFound(id))
            .WithSummary("One tour");

        api.MapGet("/{id}/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, TourCatalog catalog) =>
        {
            if (await (await catalog.GrainAsync()).GetAsync(id) is not { } tour) return NotFound(id);
            // The import (and city pack) format: the tour without who last edited it.
            var document = JsonSerializer.SerializeToUtf8Bytes(tour with { UpdatedAt = null, UpdatedBy = null }, ExportJson);
            return TypedResults.File(document, "application/json", $"tour-{id}.json");
        }).Produces<Tour>(StatusCodes.Status200OK, "application/json")
            .WithSummary("The tour as a JSON file, for import elsewhere or a city pack's tours folder");

        api.MapPost("/", async Task<Results<Created<Tour>, ValidationProblem, ProblemHttpResult>> (
            TourInput? input, HttpContext http, TourCatalog catalog, TourValidator validator, TimeProvider time, ILogger<TourInput> logger) =>
        {
            var grain = await catalog.GrainAsync();
            var id = input?.Id ?? await FreeIdAsync(grain, input);
            var (tour, errors) = validator.Validate(input, id, Actor.NameOf(http.User), time.GetUtcNow());
            if (tour is null) return Invalid(errors, logger);
            if (await grain.GetAsync(tour.Id) is not null)
                return TypedResults.Problem($"A tour {tour.Id} exists; change it with PUT {Route}/{tour.Id}", statusCode: StatusCodes.Status409Conflict, title: "Tour exists");
            if (!await grain.PutAsync(tour)) return Full();
            await http.AuditAsync(AuditActions.TourCreate, target: tour.Id, detail: Describe(tour));
            return TypedResults.Created($"{Route}/{tour.Id}", tour);
        }).RequireAuthorization(Policies.Touring)
            .WithSummary("Create a tour (trainer): 201; 400 with an error per field (stops[2].camera.zoom); 409 when the id is taken");

        api.MapPut("/{id}", async Task<Results<Ok<Tour>, ValidationProblem, ProblemHttpResult>> (
            string id, TourInput? input, HttpContext http, TourCatalog catalog, TourValidator validator, TimeProvider time, ILogger<TourInput> logger) =>
        {
            if (input?.Id is { } bodyId && bodyId != id)
                return Invalid(new Dictionary<string, string[]> { ["id"] = [$"The body names tour {bodyId} but the address {id}"] }, logger);
            var grain = await catalog.GrainAsync();
            if (await grain.GetAsync(id) is null) return NotFound(id);
            var (tour, errors) = validator.Validate(input, id, Actor.NameOf(http.User), time.GetUtcNow());
            if (tour is null) return Invalid(errors, logger);
            await grain.PutAsync(tour);
            await http.AuditAsync(AuditActions.TourUpdate, target: id, detail: Describe(tour));
            return TypedResults.Ok(tour);
        }).RequireAuthorization(Policies.Touring)
            .WithSummary("Replace a tour (trainer): its title and all its stops, in order");

        api.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, HttpContext http, TourCatalog catalog) =>
        {
            if (!await (await catalog.GrainAsync()).RemoveAsync(id)) return NotFound(id);
            await http.AuditAsync(AuditActions.TourDelete, target: id);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Touring)
            .WithSummary("Delete a tour (trainer)");

        api.MapPost("/import", async Task<Results<Created<Tour>, Ok<Tour>, ValidationProblem, ProblemHttpResult>> (
            TourInput? input, HttpContext http, TourCatalog catalog, TourValidator validator, TimeProvider time, ILogger<TourInput> logger) =>
        {
            if (string.IsNullOrEmpty(input?.Id))
                return Invalid(new Dictionary<string, string[]> { ["id"] = ["An imported tour names its id (as the export does)"] }, logger);
            var (tour, errors) = validator.Validate(input, input.Id, Actor.NameOf(http.User), time.GetUtcNow());
            if (tour is null) return Invalid(errors, logger);
            var grain = await catalog.GrainAsync();
            var replaced = await grain.GetAsync(tour.Id) is not null;
            if (!await grain.PutAsync(tour)) return Full();
            await http.AuditAsync(AuditActions.TourImport, target: tour.Id, detail: (replaced ? "replaced: " : "new: ") + Describe(tour));
            return replaced ? TypedResults.Ok(tour) : TypedResults.Created($"{Route}/{tour.Id}", tour);
        }).RequireAuthorization(Policies.Touring)
            .WithSummary("Import an exported tour (trainer): 201 new, 200 when it replaced the tour with its id; validated like a new tour");
    }

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>An id from the English title ("Songdo at night" → songdo-at-night), made unique with a suffix.</summary>
    private static async Task<string> FreeIdAsync(ITourCatalogGrain grain, TourInput? input)
    {
        var title = input?.Title?.GetValueOrDefault(TourLimits.RequiredLanguage) ?? "tour";
        var slug = new string([.. title.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-')]);
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 40) slug = slug[..40].Trim('-');
        if (slug.Length == 0) slug = "tour";
        var id = slug;
        for (var n = 2; await grain.GetAsync(id) is not null; n++) id = $"{slug}-{n}";
        return id;
    }

    private static string Describe(Tour tour) => $"{tour.Title[TourLimits.RequiredLanguage]}: {tour.Stops.Count} stops";

    private static ValidationProblem Invalid(IDictionary<string, string[]> errors, ILogger logger)
    {
        logger.LogWarning("Rejected tour: {Errors}", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return TypedResults.ValidationProblem(errors, title: "The tour is not valid");
    }

    private static ProblemHttpResult Full() =>
        TypedResults.Problem($"The twin holds at most {TourLimits.MaxTours} tours; delete one first", statusCode: StatusCodes.Status409Conflict, title: "Too many tours");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No tour {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown tour");
}
