using System.Globalization;
using CityTwin.Import.Sources;

namespace CityTwin.Import.Mapping;

/// <summary>
/// Finds the field for one mapping entry in one file: the mapped name (which must exist, or the
/// import stops with the file's fields listed) or the first of the usual names that the file has.
/// </summary>
public sealed class FieldResolver(SourceLayer layer, string mappingPath, List<ImportProblem> problems)
{
    /// <summary>The file's field for <paramref name="entry"/>, or null when it has none.</summary>
    public string? Find(string entry, string? mapped, IReadOnlyList<string> candidates)
    {
        if (mapped is not null)
        {
            var found = layer.Fields.FirstOrDefault(f => f.Equals(mapped, StringComparison.OrdinalIgnoreCase));
            if (found is null)
                problems.Add(new ImportProblem(mappingPath, null,
                    $"{entry}: field '{mapped}' is not in {layer.FileName} (its fields: {(layer.Fields.Count == 0 ? "none" : string.Join(", ", layer.Fields))})"));
            return found;
        }
        foreach (var candidate in candidates)
            if (layer.Fields.FirstOrDefault(f => f.Equals(candidate, StringComparison.OrdinalIgnoreCase)) is { } f) return f;
        return null;
    }

    public static string? Text(SourceFeature feature, string? field)
    {
        if (field is null || !feature.Properties.TryGetValue(field, out var value) || value is null) return null;
        var text = value switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        text = text?.Trim();
        // Codes stored as numbers come back as 28110.0 from some writers.
        if (text is not null && text.EndsWith(".0", StringComparison.Ordinal) && long.TryParse(text[..^2], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            text = text[..^2];
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static double? Number(SourceFeature feature, string? field)
    {
        if (field is null || !feature.Properties.TryGetValue(field, out var value) || value is null) return null;
        return value switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            long l => l,
            int i => i,
            short s => s,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }
}
