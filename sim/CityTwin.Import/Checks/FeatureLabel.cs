using CityTwin.Import.Sources;

namespace CityTwin.Import.Checks;

/// <summary>How a feature is named in messages: its position in the file and, when it has one, its name.</summary>
public static class FeatureLabel
{
    public static string Of(SourceFeature feature, string? nameField)
    {
        var name = Mapping.FieldResolver.Text(feature, nameField);
        if (name is null)
        {
            foreach (var key in new[] { "name", "name_en", "code", "id" })
            {
                var field = feature.Properties.Keys.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
                if (Mapping.FieldResolver.Text(feature, field) is { } text) { name = text; break; }
            }
        }
        return name is null ? $"#{feature.Index}" : $"#{feature.Index} ({(name.Length > 60 ? name[..60] + "…" : name)})";
    }
}
