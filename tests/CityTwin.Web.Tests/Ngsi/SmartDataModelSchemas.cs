using System.Text.Json;

namespace CityTwin.Web.Tests.Ngsi;

/// <summary>
/// The required attributes and enumerations of the Smart Data Models schemas, as copied into
/// Fixtures/smart-data-models-required.json with the schema URL and commit each comes from.
/// </summary>
public sealed record SmartDataModelSchema(string Type, string Schema, IReadOnlyList<string> Required, IReadOnlyDictionary<string, IReadOnlyList<string>> Enums)
{
    public static IReadOnlyList<SmartDataModelSchema> All { get; } = Load();

    public static SmartDataModelSchema Of(string type) => All.Single(s => s.Type == type);

    private static List<SmartDataModelSchema> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "smart-data-models-required.json")));
        return [.. doc.RootElement.GetProperty("models").EnumerateArray().Select(m => new SmartDataModelSchema(
            m.GetProperty("type").GetString()!,
            m.GetProperty("schema").GetString()!,
            [.. m.GetProperty("required").EnumerateArray().Select(r => r.GetString()!)],
            m.GetProperty("enums").EnumerateObject().ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(v => v.GetString()!)])))];
    }
}
