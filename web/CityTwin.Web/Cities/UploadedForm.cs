using System.Text.RegularExpressions;
using CityTwin.Import;
using CityTwin.Import.Mapping;
using CityTwin.Import.Sources;
using CityTwin.Web.Boundaries;
using Microsoft.AspNetCore.Http.Features;

namespace CityTwin.Web.Cities;

/// <summary>
/// Reads the import form (multipart/form-data): the fields <c>id</c>, <c>name</c>, optional
/// <c>timeZone</c>, <c>locale</c>, <c>crs</c>, <c>mapping</c> (JSON text), <c>template</c> (a pack
/// id), <c>attribution</c>, <c>dryRun</c>; the files <c>gu</c>, <c>dong</c>, <c>buildings</c>,
/// <c>roads</c>. Each file is saved under a name of our own (the user's name is kept only for
/// messages), so no uploaded name reaches the file system.
/// </summary>
public static partial class UploadedForm
{
    public static IReadOnlyList<string> FileFields { get; } = ["gu", "dong", "buildings", "roads"];

    public static IReadOnlyList<string> TextFields { get; } = ["id", "name", "timeZone", "locale", "crs", "mapping", "template", "attribution", "dryRun"];

    public sealed record Result(ImportUpload? Upload, IResult? Refusal);

    public static async Task<Result> ReadAsync(HttpContext http, long maxBytes, ILogger logger)
    {
        if (!http.Request.HasFormContentType)
            return Refuse(logger, "body", "Send multipart/form-data with the fields id and name and the files gu and/or dong");
        IFormCollection form;
        try
        {
            http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = maxBytes;
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes, ValueLengthLimit = 256 * 1024, ValueCountLimit = 64 }, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            logger.LogWarning("Refused an import upload over {Limit} bytes", maxBytes);
            return new(null, BoundaryProblems.Of(StatusCodes.Status413PayloadTooLarge, "The upload is too large", BoundaryProblems.Body, $"An import accepts at most {maxBytes} bytes"));
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException or FormatException or ArgumentException or InvalidOperationException)
        {
            return Refuse(logger, "body", $"The form could not be read: {ex.Message}");
        }

        foreach (var key in form.Keys)
            if (!TextFields.Contains(key)) return Refuse(logger, key, $"Unknown field; the form takes {string.Join(", ", TextFields)} and the files {string.Join(", ", FileFields)}");
        foreach (var file in form.Files)
        {
            if (!FileFields.Contains(file.Name)) return Refuse(logger, file.Name, $"Unknown file field; give the files as {string.Join(", ", FileFields)}");
            if (form.Files.GetFiles(file.Name).Count > 1) return Refuse(logger, file.Name, "Give one file per field (zip a Shapefile's parts together)");
        }
        string? Text(string key) => form.TryGetValue(key, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;
        foreach (var key in TextFields)
            if (form.TryGetValue(key, out var v) && v.Count > 1) return Refuse(logger, key, "Give this field once");

        var dryRunText = Text("dryRun");
        var dryRun = false;
        if (dryRunText is not null && !bool.TryParse(dryRunText, out dryRun)) return Refuse(logger, "dryRun", "Must be true or false");
        var id = Text("id");
        if (id is null || !IdPattern().IsMatch(id)) return Refuse(logger, "id", "1–40 lower-case letters, digits and '-', starting with a letter or digit");
        var name = Text("name");
        if (name is null || name.Length > 100) return Refuse(logger, "name", "The city's name, 1–100 characters");
        var template = Text("template");
        if (template is not null && !IdPattern().IsMatch(template)) return Refuse(logger, "template", "A pack id");

        PropertyMapping? mapping = null;
        if (Text("mapping") is { } mappingJson)
        {
            try
            {
                mapping = MappingReader.Read(mappingJson, "mapping");
            }
            catch (CityImportException ex)
            {
                return new(null, CityImportEndpoints.Invalid(logger, ex.Problems));
            }
        }

        var directory = Path.Combine(Path.GetTempPath(), "citytwin-upload", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var sources = new Dictionary<string, SourceFile>();
        try
        {
            foreach (var file in form.Files)
            {
                var shown = Path.GetFileName(file.FileName.Replace('\\', '/'));
                if (shown.Length is 0 or > 200) shown = file.Name;
                var extension = Path.GetExtension(shown).ToLowerInvariant();
                if (!LayerReader.Extensions.Contains(extension))
                {
                    Directory.Delete(directory, recursive: true);
                    return Refuse(logger, file.Name, $"'{shown}' is not .geojson, .json, .gpkg or .zip (a zipped Shapefile)");
                }
                var path = Path.Combine(directory, file.Name + extension);
                await using (var target = File.Create(path))
                {
                    await file.CopyToAsync(target, http.RequestAborted);
                }
                sources[file.Name] = new SourceFile(shown, path);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            Directory.Delete(directory, recursive: true);
            return Refuse(logger, "body", $"The upload could not be read: {ex.Message}");
        }

        var request = new CityImportRequest(id, name, sources.GetValueOrDefault("gu"), sources.GetValueOrDefault("dong"),
            sources.GetValueOrDefault("buildings"), sources.GetValueOrDefault("roads"), Text("crs"), mapping, "mapping",
            Text("timeZone"), Text("locale"), null, Text("attribution") is { Length: <= 500 } a ? a : null);
        return new(new ImportUpload(request, directory, dryRun, template, [.. sources.Values.Select(s => s.Name)]), null);
    }

    private static Result Refuse(ILogger logger, string field, string message)
    {
        logger.LogWarning("Refused an import upload: {Field}: {Message}", field, message);
        return new(null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}
