using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// Every API operation describes what it answers, so clients can be generated from
/// <c>/openapi/v1.json</c>: a success response whose schema names its fields (an anonymous object
/// or an untyped <c>IResult</c> would leave it empty), or a documented non-JSON content type for
/// files, tiles, CSV, HTML and GeoJSON.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class OpenApiTests(TwinAppFactory app)
{
    private static readonly string[] FileContentTypes =
        ["text/csv", "text/html", "application/geo+json", "application/vnd.mapbox-vector-tile", "image/svg+xml"];

    [Fact]
    public async Task Every_api_operation_documents_a_typed_success_response()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = 0;
        var undocumented = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Name.StartsWith("/api", StringComparison.Ordinal) && path.Name != "/healthz") continue;
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("responses", out var responses)) continue;
                operations++;
                var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                // 204 No Content is fully typed: it says there is no body.
                if (!success.Any(r => r.Name == "204" || IsDocumented(r.Value, schemas)))
                    undocumented.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {string.Join(" ", success.Select(r => $"{r.Name}: {r.Value}"))}");
            }
        }
        Assert.True(operations >= 20, $"only {operations} operations under /api and /healthz");
        Assert.True(undocumented.Count == 0, "Success responses without a typed schema: " + string.Join(", ", undocumented));
    }

    [Fact]
    public async Task Area_levels_are_documented_as_their_lower_case_names()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var level = document.GetProperty("components").GetProperty("schemas").GetProperty("AreaLevel");
        Assert.Equal(["city", "gu", "dong"], level.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    private static bool IsDocumented(JsonElement response, JsonElement schemas)
    {
        if (!response.TryGetProperty("content", out var content)) return false;
        foreach (var media in content.EnumerateObject())
        {
            if (FileContentTypes.Any(t => media.Name.StartsWith(t, StringComparison.Ordinal))) return true;
            if (media.Value.TryGetProperty("schema", out var schema) && IsTyped(schema, schemas)) return true;
        }
        return false;
    }

    /// <summary>A named schema with fields, or an array of one.</summary>
    private static bool IsTyped(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return schemas.TryGetProperty(name, out var target) && IsTyped(target, schemas);
        }
        if (schema.TryGetProperty("properties", out var properties)) return properties.EnumerateObject().Any();
        if (schema.TryGetProperty("items", out var items)) return IsTyped(items, schemas);
        return false;
    }
}
