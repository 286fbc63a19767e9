using System.Text.Json;

namespace CityTwin.Import.Mapping;

/// <summary>
/// Reads a mapping file (JSON). Every layer is optional, and so is every entry:
/// <code>
/// { "gu":   { "code": "SIG_CD", "name": "SIG_ENG_NM", "nameLocal": "SIG_KOR_NM", "population": "POP" },
///   "dong": { "code": "ADM_CD", "name": "ADM_NM", "parent": "SIG_CD" },
///   "level": { "field": "admin_level", "gu": "6", "dong": "8" },
///   "buildings": { "height": "height", "levels": "building:levels" },
///   "roads": { "roadClass": "highway", "lanes": "lanes" } }
/// </code>
/// An unknown layer or entry is an error naming it, so a misspelt key is not silently ignored.
/// </summary>
public static class MappingReader
{
    private static readonly string[] Layers = ["gu", "dong", "buildings", "roads", "level"];
    private static readonly string[] Entries = ["code", "name", "nameLocal", "population", "parent", "height", "levels", "roadClass", "lanes"];

    public static PropertyMapping Read(string json, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new CityImportException(where, null, $"not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new CityImportException(where, null, "must be a JSON object with the layers gu, dong, buildings, roads, level");
            foreach (var p in root.EnumerateObject())
                if (!Layers.Contains(p.Name)) throw new CityImportException(where, null, $"unknown layer '{p.Name}' (known: {string.Join(", ", Layers)})");
            return new PropertyMapping(Layer(root, "gu", where), Layer(root, "dong", where), Layer(root, "buildings", where), Layer(root, "roads", where), Level(root, where));
        }
    }

    private static LayerMapping Layer(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out var layer) || layer.ValueKind == JsonValueKind.Null) return LayerMapping.Empty;
        if (layer.ValueKind != JsonValueKind.Object) throw new CityImportException(where, null, $"{name} must be an object of entry → field name");
        foreach (var p in layer.EnumerateObject())
        {
            if (!Entries.Contains(p.Name)) throw new CityImportException(where, null, $"{name}.{p.Name}: unknown entry (known: {string.Join(", ", Entries)})");
            if (p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null) || (p.Value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(p.Value.GetString())))
                throw new CityImportException(where, null, $"{name}.{p.Name}: must be a field name (a non-empty string)");
        }
        string? E(string entry) => layer.TryGetProperty(entry, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new LayerMapping(E("code"), E("name"), E("nameLocal"), E("population"), E("parent"), E("height"), E("levels"), E("roadClass"), E("lanes"));
    }

    private static LevelSplit? Level(JsonElement root, string where)
    {
        if (!root.TryGetProperty("level", out var level) || level.ValueKind == JsonValueKind.Null) return null;
        string S(string key) => level.ValueKind == JsonValueKind.Object && level.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number && v.ToString().Trim().Length > 0
            ? v.ToString().Trim()
            : throw new CityImportException(where, null, $"level.{key}: missing (level needs field, gu and dong)");
        return new LevelSplit(S("field"), S("gu"), S("dong"));
    }
}
