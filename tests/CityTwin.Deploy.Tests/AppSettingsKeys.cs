using System.Text.Json;

namespace CityTwin.Deploy.Tests;

/// <summary>Configuration keys ("Orleans:SiloPort") declared by the processes' appsettings.json files.</summary>
public static class AppSettingsKeys
{
    /// <summary>The appsettings.json of each deployed process.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "silo/CityTwin.Silo/appsettings.json",
        "web/CityTwin.Web/appsettings.json",
        "sim/CityTwin.Sim/appsettings.json",
    ];

    /// <summary>Every key path with its value (scalars as their JSON text).</summary>
    public static IReadOnlyDictionary<string, string> Flatten(string relativePath)
    {
        using var json = JsonDocument.Parse(Repo.Read(relativePath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Walk(json.RootElement, "", keys);
        return keys;
    }

    /// <summary>
    /// An environment variable name as a configuration key: "__" separates sections, and keys are
    /// case-insensitive.
    /// </summary>
    public static string FromEnvironment(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    private static void Walk(JsonElement element, string prefix, Dictionary<string, string> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name, keys);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, prefix + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), keys);
                    index++;
                }
                break;
            case JsonValueKind.String:
                keys[prefix] = element.GetString() ?? "";
                break;
            default:
                keys[prefix] = element.GetRawText();
                break;
        }
    }
}
