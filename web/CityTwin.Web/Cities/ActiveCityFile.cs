using System.Text.Json;

namespace CityTwin.Web.Cities;

/// <summary>
/// Remembers the city an admin switched to in a small file beside the embedded durable store
/// (<c>Orleans:DataDirectory/active-city.json</c>), so a restart of the process comes back on it.
/// Written to a temporary file and moved into place, so a crash mid-write never leaves half a choice.
/// </summary>
public static class ActiveCityFile
{
    public const string FileName = "active-city.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The store folder: <c>Orleans:DataDirectory</c> under the content root, as the silo and the accounts store resolve it.</summary>
    public static string DataDirectory(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration["Orleans:DataDirectory"] ?? "App_Data", contentRoot);

    /// <summary>The remembered choice, or null when there is none or the file cannot be read.</summary>
    public static ActiveCityChoice? Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var choice = JsonSerializer.Deserialize<ActiveCityChoice>(File.ReadAllText(path), Json);
            return choice is { Id.Length: > 0, Directory.Length: > 0 } ? choice : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged file must not stop the twin: it starts on the configured city instead.
            return null;
        }
    }

    public static void Write(string dataDirectory, ActiveCityChoice choice)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var staging = path + ".tmp";
        File.WriteAllText(staging, JsonSerializer.Serialize(choice, Json));
        File.Move(staging, path, overwrite: true);
    }
}
