using CityTwin.Accounts;
using CityTwin.Import;
using CityTwin.Import.Mapping;
using CityTwin.Import.Model;
using CityTwin.Import.Pack;
using CityTwin.Model.City;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Cities;

/// <summary>
/// The installed city packs (public) and the city-pack import (admins): an upload of boundary
/// files is checked and previewed (<c>dryRun=true</c>) or written as a pack into the packs folder.
/// Every problem of the files is a 400 naming the file and the feature; nothing a client sends
/// gives a 5xx.
/// </summary>
public static class CityImportEndpoints
{
    public const string ImportRoute = "/api/cities/import";

    public static void MapCityImportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cities").WithTags("Cities");

        api.MapGet("", (CityPackFolders folders) => TypedResults.Ok(folders.List().Select(p => p.Pack).ToList()))
            .WithSummary("The installed city packs: the running one, those shipped beside it and those imported");

        api.MapGet("/{id}/boundaries", Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem> (string id, CityPackFolders folders, ILogger<CityPackFolders> logger) =>
        {
            var directory = folders.Find(id);
            if (directory is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown city", detail: $"No installed pack has the id '{id}'");
            try
            {
                return TypedResults.Bytes(PackBoundaries.Read(directory), Api.AssetEndpoints.GeoJsonContentType);
            }
            catch (CityPackException ex)
            {
                logger.LogWarning("Boundaries of {City} could not be read: {Problem}", id, ex.Message);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"The pack's boundaries could not be read: {ex.Message}"] });
            }
        }).Produces<Stream>(StatusCodes.Status200OK, Api.AssetEndpoints.GeoJsonContentType)
            .WithSummary("A pack's gu and dong boundaries as GeoJSON (property level: gu or dong), to show a city the twin does not run");

        api.MapPost("/import", ImportAsync)
            .RequireAuthorization(Policies.Administration)
            .Produces<ImportPreview>(StatusCodes.Status200OK)
            .Produces<ImportPreview>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Import a city pack from uploaded boundary files (multipart form; admin). dryRun=true checks and previews without writing");
    }

    private static async Task<IResult> ImportAsync(HttpContext http, CityPackFolders folders, CityImportRunner runner, IOptions<CityPacksOptions> options, IOptions<Boundaries.BoundaryOptions> boundaries, TimeProvider time, ILogger<CityImportRunner> logger)
    {
        var form = await UploadedForm.ReadAsync(http, boundaries.Value.CityImportBodyBytes, logger);
        if (form.Refusal is not null) return form.Refusal;
        using var upload = form.Upload!;

        var request = upload.Request;
        if (folders.Find(request.Id) is not null || Directory.Exists(Path.Combine(folders.ImportRoot, request.Id)))
        {
            logger.LogWarning("Refused an import: the id {Id} is taken", request.Id);
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A city pack with this id exists",
                detail: $"Choose another id than '{request.Id}'", extensions: new Dictionary<string, object?> { ["field"] = "id" });
        }
        var templateDir = upload.TemplateId is null ? folders.RunningDirectory : folders.Find(upload.TemplateId);
        if (templateDir is null) return Invalid(logger, [new ImportProblem("template", null, $"no installed pack has the id '{upload.TemplateId}'")]);

        var outcome = await runner.RunAsync(() =>
        {
            var city = new CityImporter(ImportLimits.Default with { MaxUnzippedBytes = options.Value.MaxUnzippedBytes }).Import(request);
            if (!upload.DryRun)
                CityPackWriter.Write(city, templateDir, Path.Combine(folders.ImportRoot, request.Id), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            return city;
        }, http.RequestAborted);
        if (outcome.Busy)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another import is running", detail: "Try again when it has finished");
        if (outcome.Problems is { } problems) return Invalid(logger, problems);

        var imported = outcome.City!;
        if (!upload.DryRun)
        {
            var detail = $"{imported.Gu.Count} gu, {imported.Dongs.Count} dongs, {imported.Buildings.Count} buildings, {imported.Roads.Count} roads from {string.Join(", ", upload.FileNames)}";
            await http.AuditAsync(AuditActions.CityImport, target: request.Id, detail: detail);
            logger.LogInformation("{User} imported city {Id}: {Detail}", Actor.NameOf(http.User), request.Id, detail);
        }
        var preview = Preview(imported, !upload.DryRun);
        return upload.DryRun ? TypedResults.Ok(preview) : TypedResults.Created($"/api/cities/{request.Id}/boundaries", preview);
    }

    private static ImportPreview Preview(ImportedCity city, bool written)
    {
        var e = city.Outline.EnvelopeInternal;
        return new ImportPreview(city.Request.Id, written, city.Gu.Count, city.Dongs.Count, city.Buildings.Count, city.Roads.Count,
            [.. city.Notes.Select(n => new ImportProblemInfo(n.File, n.Feature, n.Message))],
            [e.MinX, e.MinY, e.MaxX, e.MaxY], BoundaryPreview.Of(city));
    }

    /// <summary>A 400 whose <c>errors</c> are keyed by file (the messages name the feature) and whose <c>problems</c> list each one.</summary>
    internal static IResult Invalid(ILogger logger, IReadOnlyList<ImportProblem> problems)
    {
        logger.LogWarning("Refused an import: {Problems}", string.Join(" | ", problems.Take(20)));
        var errors = problems.GroupBy(p => p.File).ToDictionary(g => g.Key, g => g.Select(p => p.Feature is null ? p.Message : $"feature {p.Feature}: {p.Message}").ToArray());
        return TypedResults.ValidationProblem(errors, title: "The files could not be imported",
            extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new ImportProblemInfo(p.File, p.Feature, p.Message)).ToList() });
    }
}
