using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests.Ngsi;

/// <summary>
/// Each served type against its Smart Data Model: the schema's required attributes, its enumerations,
/// NGSI-LD attribute shapes, URNs, and a context served by the twin itself.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class NgsiModelTests(TwinAppFactory app)
{
    private static readonly string[] AttributeKinds = ["Property", "GeoProperty", "Relationship"];

    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string> Types => [.. SmartDataModelSchema.All.Select(s => s.Type)];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_entity_of_a_type_carries_the_required_attributes_of_its_smart_data_model_in_ngsi_ld_shapes(string type)
    {
        var schema = SmartDataModelSchema.Of(type);
        // Alerts exist once the default rule book has raised something; everything else from the start.
        var entities = await Wait.ForAsync(() => _client.EntitiesAsync($"type={type}&limit=50"), e => e.Length > 0, TimeSpan.FromSeconds(60), $"{type} entities");

        foreach (var e in entities)
        {
            var id = e.GetProperty("id").GetString()!;
            Assert.StartsWith($"urn:ngsi-ld:{type}:", id);
            Assert.Equal(type, e.GetProperty("type").GetString());
            foreach (var required in schema.Required)
                Assert.True(e.TryGetProperty(required, out _), $"{id} lacks '{required}', required by {schema.Schema}");

            foreach (var attribute in e.EnumerateObject().Where(p => p.Name is not ("id" or "type")))
            {
                var kind = attribute.Value.GetProperty("type").GetString();
                Assert.Contains(kind, AttributeKinds);
                switch (kind)
                {
                    case "Relationship": Assert.StartsWith("urn:ngsi-ld:", attribute.Value.GetProperty("object").GetString()); break;
                    case "GeoProperty":
                        var geometry = attribute.Value.GetProperty("value");
                        Assert.Contains(geometry.GetProperty("type").GetString(), new[] { "Point", "LineString", "Polygon", "MultiPolygon" });
                        Assert.Equal(JsonValueKind.Array, geometry.GetProperty("coordinates").ValueKind);
                        break;
                    default: Assert.True(attribute.Value.TryGetProperty("value", out _), $"{id}.{attribute.Name} has no value"); break;
                }
                if (attribute.Value.TryGetProperty("observedAt", out var at)) Assert.True(DateTimeOffset.TryParse(at.GetString(), out _));
                if (attribute.Value.TryGetProperty("unitCode", out var unit)) Assert.Matches("^[A-Z0-9]{2,3}$", unit.GetString());
            }

            // Values of enumerated attributes are among the model's.
            foreach (var (name, allowed) in schema.Enums)
            {
                if (!e.TryGetProperty(name, out _)) continue;
                var value = e.Value(name);
                var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()) : [value.GetString()];
                foreach (var v in values) Assert.True(allowed.Contains(v!), $"{id}.{name} = '{v}' is not one of the model's values ({schema.Schema})");
            }
        }

        // The same entities in keyValues form still carry every required attribute, as plain values.
        var simple = await _client.EntitiesAsync($"type={type}&limit=5&options=keyValues");
        Assert.NotEmpty(simple);
        foreach (var e in simple)
        {
            foreach (var required in schema.Required) Assert.True(e.TryGetProperty(required, out _), $"keyValues {e.GetProperty("id")} lacks {required}");
            Assert.Equal(JsonValueKind.Array, e.GetProperty("location").GetProperty("coordinates").ValueKind);
        }
    }

    [Fact]
    public async Task Values_have_their_units_and_instants_where_the_model_measures()
    {
        var light = (await _client.EntitiesAsync("type=Streetlight&limit=1&q=powerConsumption>=0"))[0];
        Assert.Equal("KWT", light.GetProperty("powerConsumption").GetProperty("unitCode").GetString());
        Assert.True(light.GetProperty("powerConsumption").TryGetProperty("observedAt", out _));
        var air = (await _client.EntitiesAsync("type=AirQualityObserved&limit=1&q=pm25>=0"))[0];
        Assert.Equal("GQ", air.GetProperty("pm25").GetProperty("unitCode").GetString());
        Assert.Equal("DateTime", air.GetProperty("dateObserved").GetProperty("value").GetProperty("@type").GetString());
        var kpi = (await _client.EntitiesAsync("type=KeyPerformanceIndicator&q=kpiName==%22pm25%22;areaLevel==%22city%22"))[0];
        Assert.Equal("GQ", kpi.GetProperty("kpiValue").GetProperty("unitCode").GetString());
        Assert.Contains(kpi.GetProperty("location").GetProperty("value").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task Plain_json_links_a_context_served_here_that_defines_every_term_and_json_ld_carries_it_in_the_body()
    {
        var response = await _client.GetAsync($"{NgsiClient.Prefix}/entities?limit=1000&type={string.Join(',', SmartDataModelSchema.All.Select(s => s.Type))}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"http://www.w3.org/ns/json-ld#context\"", link);
        var contextUrl = new Uri(link[(link.IndexOf('<') + 1)..link.IndexOf('>')]);
        // Served by the twin itself: the offline field kit has no other host to ask.
        Assert.Equal(_client.BaseAddress!.Authority, contextUrl.Authority);

        var contextResponse = await _client.GetAsync(contextUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, contextResponse.StatusCode);
        Assert.Equal("application/ld+json", contextResponse.Content.Headers.ContentType?.MediaType);
        var context = (await contextResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("@context");
        var entities = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        foreach (var e in entities)
        {
            var type = e.GetProperty("type").GetString()!;
            var scoped = context.GetProperty(type).GetProperty("@context");
            Assert.StartsWith("https://smartdatamodels.org/", context.GetProperty(type).GetProperty("@id").GetString());
            foreach (var name in e.EnumerateObject().Select(p => p.Name).Where(n => n is not ("id" or "type")))
                Assert.True(context.TryGetProperty(name, out _) || scoped.TryGetProperty(name, out _), $"'{name}' of {type} is not defined in the served context");
        }
        foreach (var core in new[] { "Property", "GeoProperty", "Relationship", "value", "object", "observedAt", "unitCode", "location", "coordinates" })
            Assert.True(context.TryGetProperty(core, out _), $"core term '{core}' missing");

        using var ld = new HttpRequestMessage(HttpMethod.Get, $"{NgsiClient.Prefix}/entities?type=Streetlight&limit=2");
        ld.Headers.Accept.ParseAdd("application/ld+json");
        var ldResponse = await _client.SendAsync(ld);
        Assert.Equal("application/ld+json", ldResponse.Content.Headers.ContentType?.MediaType);
        Assert.False(ldResponse.Headers.Contains("Link"));
        foreach (var e in (await ldResponse.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray())
        {
            var ctx = e.GetProperty("@context").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Equal(contextUrl.ToString(), ctx[0]);
            Assert.Equal("https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld", ctx[^1]);
        }
    }

    [Fact]
    public async Task Types_list_every_served_type_and_count_what_the_city_has()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>($"{NgsiClient.Prefix}/types");
        Assert.Equal("EntityTypeList", list.GetProperty("type").GetString());
        Assert.Equal(SmartDataModelSchema.All.Select(s => s.Type).Order(), list.GetProperty("typeList").EnumerateArray().Select(t => t.GetString()!).Order());

        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var info = await _client.GetFromJsonAsync<JsonElement>($"{NgsiClient.Prefix}/types/Streetlight");
        Assert.Equal(catalog.CountOf(Abstractions.Assets.AssetKind.StreetlightCircuit), info.GetProperty("entityCount").GetInt32());
        Assert.Contains(info.GetProperty("attributeDetails").EnumerateArray(), a => a.GetProperty("attributeName").GetString() == "status");
        Assert.Equal(await _client.CountAsync("type=Streetlight"), info.GetProperty("entityCount").GetInt32());

        var detailed = await _client.GetFromJsonAsync<JsonElement>($"{NgsiClient.Prefix}/types?details=true");
        var air = detailed.EnumerateArray().Single(t => t.GetProperty("typeName").GetString() == "AirQualityObserved");
        Assert.Contains("pm25", air.GetProperty("attributeNames").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([$"{_client.BaseAddress!.ToString().TrimEnd('/')}{NgsiClient.Prefix}/jsonldContexts/citytwin"],
            (await _client.GetFromJsonAsync<string[]>($"{NgsiClient.Prefix}/jsonldContexts"))!);
    }
}
