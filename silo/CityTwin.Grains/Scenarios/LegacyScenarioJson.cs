using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Grains.Scenarios;

/// <summary>
/// Reads the definition and results JSON that earlier versions kept as strings in scenario state.
/// They were written with the API's conventions (web defaults: lower-camel names; enums as
/// lower-camel names; NaN and infinities as named literals), so they are read with exactly those,
/// and the typed records come back as the planner and the API saw them.
/// </summary>
internal static class LegacyScenarioJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"stored {typeof(T).Name} JSON is null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
