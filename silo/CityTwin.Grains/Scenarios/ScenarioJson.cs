using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Grains.Scenarios;

/// <summary>
/// How definitions and results are written as JSON: in storage, in grain messages and on the API.
/// One set of options, so what a planner sent is exactly what the engine runs and what is stored.
/// </summary>
public static class ScenarioJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ScenarioDefinition Definition(string json) =>
        JsonSerializer.Deserialize<ScenarioDefinition>(json, Options) ?? throw new JsonException("empty scenario definition");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
