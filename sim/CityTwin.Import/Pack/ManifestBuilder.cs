using System.Globalization;
using System.Text.Json.Nodes;
using CityTwin.Import.Model;
using CityTwin.Model.City;

namespace CityTwin.Import.Pack;

/// <summary>
/// Writes the manifest of an imported city. What the files say (names, boundaries, location and
/// home view from the bounds) is the city's own; what they cannot say (climate normals, fleet, grid,
/// standards, streetlight lamps, and the time zone and locale unless given) is copied from a
/// template pack and marked as borrowed, both in each fact's source and in a <c>borrowed</c>
/// section, so the twin runs at once and nobody mistakes the figures for the city's.
/// </summary>
public static class ManifestBuilder
{
    /// <summary>The sourced tables a pack needs that boundary files cannot give.</summary>
    public static IReadOnlyList<string> BorrowedTables { get; } = ["climate", "fleet", "grid", "standards", "streetlights"];

    public static JsonObject Build(ImportedCity city, CityPackFiles files, JsonObject template, string templateId, DateOnly today)
    {
        var request = city.Request;
        var borrowed = new JsonArray();
        foreach (var table in BorrowedTables) borrowed.Add(table);
        var timeZone = request.TimeZone ?? Borrow(template, "timeZone", borrowed);
        var locale = request.Locale ?? Borrow(template, "locale", borrowed);

        var names = new JsonObject();
        foreach (var language in CityPack.Languages)
            names[language] = request.Names is not null && request.Names.TryGetValue(language, out var n) && !string.IsNullOrWhiteSpace(n) ? n : request.Name;

        var centre = city.Outline.EnvelopeInternal.Centre;
        var manifest = new JsonObject
        {
            ["id"] = request.Id,
            ["names"] = names,
            ["timeZone"] = timeZone,
            ["locale"] = locale,
            ["location"] = new JsonObject
            {
                ["latitude"] = Math.Round(centre.Y, 5),
                ["longitude"] = Math.Round(centre.X, 5),
                ["source"] = "[derived] centre of the imported boundaries' bounding box",
            },
            ["homeView"] = new JsonObject
            {
                ["minDensityPerKm2"] = new JsonObject { ["value"] = 0, ["source"] = "[assumed] an imported city opens on all its dongs" },
            },
            ["attribution"] = Attribution(city, templateId, today),
            ["files"] = Files(files),
        };
        foreach (var table in BorrowedTables)
        {
            var copy = template[table]?.DeepClone() as JsonObject
                ?? throw new CityImportException("template", null, $"the template pack's city.json has no '{table}' table");
            MarkBorrowed(copy, templateId);
            manifest[table] = copy;
        }
        manifest["borrowed"] = new JsonObject
        {
            ["from"] = templateId,
            ["fields"] = borrowed,
            ["note"] = $"These figures are {templateId}'s, copied so that the twin runs: replace each with the city's own and its source, then remove it from this list.",
        };
        manifest["import"] = new JsonObject
        {
            ["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["crs"] = new JsonObject(city.CrsByFile.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
            ["notes"] = new JsonArray([.. city.Notes.Select(n => (JsonNode)JsonValue.Create(n.ToString()))]),
        };
        return manifest;
    }

    private static string Borrow(JsonObject template, string field, JsonArray borrowed)
    {
        borrowed.Add(field);
        return template[field]?.GetValue<string>() ?? throw new CityImportException("template", null, $"the template pack's city.json has no '{field}'");
    }

    /// <summary>Prefixes every source in a table with the template it comes from.</summary>
    private static void MarkBorrowed(JsonNode node, string templateId)
    {
        if (node is not JsonObject obj) return;
        foreach (var (key, value) in obj.ToList())
        {
            if (key == "source" && value is JsonValue v && v.TryGetValue<string>(out var source))
                obj[key] = $"[borrowed from {templateId}] {source}";
            else if (value is not null) MarkBorrowed(value, templateId);
        }
    }

    private static JsonArray Attribution(ImportedCity city, string templateId, DateOnly today)
    {
        var files = new[] { city.Request.Gu, city.Request.Dong, city.Request.Buildings, city.Request.Roads }.Where(f => f is not null).Select(f => f!.Name);
        var lines = new JsonArray(
            city.Request.Attribution is { Length: > 0 } credit ? credit : $"Boundaries: imported from {string.Join(", ", files)} on {today:yyyy-MM-dd}",
            $"Climate, fleet, grid, standards and streetlight figures: borrowed from the {templateId} pack until the city's own are entered",
            "Infrastructure outside the imported layers is synthetic (generated from a seed inside the dongs)");
        return lines;
    }

    private static JsonObject Files(CityPackFiles files)
    {
        var result = new JsonObject { ["gu"] = files.Gu, ["dong"] = files.Dong, ["outline"] = files.Outline };
        if (files.Buildings is not null) result["buildings"] = files.Buildings;
        if (files.Roads is not null) result["roads"] = files.Roads;
        return result;
    }
}
