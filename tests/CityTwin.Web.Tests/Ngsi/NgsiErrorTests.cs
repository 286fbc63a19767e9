using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Ngsi;

/// <summary>Refusals are NGSI-LD problem details naming the parameter at fault; nothing gives a 5xx.</summary>
[Collection(TwinCollection.Name)]
public sealed class NgsiErrorTests(TwinAppFactory app)
{
    private const string BadData = "https://uri.etsi.org/ngsi-ld/errors/BadRequestData";
    private const string Invalid = "https://uri.etsi.org/ngsi-ld/errors/InvalidRequest";
    private const string NotFound = "https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound";

    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("limit=1001", "limit", BadData)]
    [InlineData("limit=-1", "limit", BadData)]
    [InlineData("limit=abc", "limit", BadData)]
    [InlineData("limit=0", "limit", BadData)]
    [InlineData("offset=-5", "offset", BadData)]
    [InlineData("count=yes", "count", BadData)]
    [InlineData("options=sorted", "options", BadData)]
    [InlineData("type=Streetlight,,Alert", "type", BadData)]
    [InlineData("id=not-a-uri", "id", BadData)]
    [InlineData("idPattern=%5B", "idPattern", BadData)]
    [InlineData("attrs=pm25,%20x", "attrs", BadData)]
    [InlineData("q=pm25%3E", "q", Invalid)]
    [InlineData("q=(pm25%3E1", "q", Invalid)]
    [InlineData("q=pm25%3E%3E1", "q", Invalid)]
    [InlineData("q=status==%22ok", "q", Invalid)]
    [InlineData("q=pm25%3Etrue", "q", Invalid)]
    [InlineData("q=pm25=~%22(%22", "q", Invalid)]
    [InlineData("georel=near;maxDistance==100&geometry=Point", "coords", BadData)]
    [InlineData("geometry=Point&coords=%5B126.6,37.4%5D", "georel", BadData)]
    [InlineData("georel=near&geometry=Point&coords=%5B126.6,37.4%5D", "georel", BadData)]
    [InlineData("georel=near;maxDistance==-3&geometry=Point&coords=%5B126.6,37.4%5D", "georel", BadData)]
    [InlineData("georel=near;maxDistance==60000&geometry=Point&coords=%5B126.6,37.4%5D", "georel", BadData)]
    [InlineData("georel=beside&geometry=Point&coords=%5B126.6,37.4%5D", "georel", BadData)]
    [InlineData("georel=within&geometry=Point&coords=%5B126.6,37.4%5D", "geometry", BadData)]
    [InlineData("georel=intersects&geometry=Circle&coords=%5B126.6,37.4%5D", "geometry", BadData)]
    [InlineData("georel=intersects&geometry=Point&coords=%5B126.6%5D", "coords", BadData)]
    [InlineData("georel=intersects&geometry=Point&coords=%5B226.6,37.4%5D", "coords", BadData)]
    [InlineData("georel=intersects&geometry=Point&coords=126.6,37.4", "coords", BadData)]
    [InlineData("georel=intersects&geometry=Polygon&coords=%5B%5B%5B0,0%5D,%5B1,0%5D,%5B1,1%5D,%5B0,2%5D%5D%5D", "coords", BadData)]
    [InlineData("georel=intersects&geometry=Polygon&coords=%5B%5B%5B0,0%5D,%5B1,1%5D,%5B1,0%5D,%5B0,1%5D,%5B0,0%5D%5D%5D", "coords", BadData)]
    [InlineData("georel=intersects&geometry=Point&coords=%5B126.6,37.4%5D&geoproperty=observationSpace", "geoproperty", BadData)]
    public async Task A_bad_query_parameter_is_a_400_naming_it(string query, string parameter, string type)
    {
        var response = await _client.GetAsync($"{NgsiClient.Prefix}/entities?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AssertProblemAsync(response, type);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{query}: {problem}");
    }

    [Fact]
    public async Task An_over_broad_polygon_is_refused_cleanly()
    {
        // Too many vertices (checked as the coordinates are read, before any entity is).
        var many = "[[" + string.Join(',', Enumerable.Repeat("[0,0]", 600)) + "]]";
        var response = await _client.GetAsync($"{NgsiClient.Prefix}/entities?georel=within&geometry=Polygon&coords={Uri.EscapeDataString(many)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("At most 500 positions", (await AssertProblemAsync(response, BadData)).GetProperty("errors").GetProperty("coords")[0].GetString());

        // Too long a parameter at all.
        var ring = Enumerable.Range(0, 400).Select(i => FormattableString.Invariant($"[{126 + Math.Cos(i * Math.PI / 200):0.######},{37 + Math.Sin(i * Math.PI / 200):0.######}]")).ToList();
        var coords = "[[" + string.Join(',', ring.Append(ring[0])) + "]]";
        response = await _client.GetAsync($"{NgsiClient.Prefix}/entities?georel=within&geometry=Polygon&coords={Uri.EscapeDataString(coords)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 4000 characters", (await AssertProblemAsync(response, BadData)).GetProperty("errors").GetProperty("coords")[0].GetString());
    }

    [Fact]
    public async Task Unknown_entities_types_and_contexts_are_resource_not_found()
    {
        foreach (var url in new[]
        {
            "/entities/urn:ngsi-ld:Streetlight:no-such-light", "/entities/urn:ngsi-ld:Building:bld-1", "/entities/urn:x:y",
            "/types/Building", "/jsonldContexts/other",
        })
        {
            var response = await _client.GetAsync(NgsiClient.Prefix + url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            await AssertProblemAsync(response, NotFound);
        }
        var malformed = await _client.GetAsync($"{NgsiClient.Prefix}/entities/not%20an%20id");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await AssertProblemAsync(malformed, BadData)).GetProperty("errors").TryGetProperty("entityId", out _));
    }

    [Fact]
    public async Task A_client_that_accepts_neither_json_nor_json_ld_gets_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{NgsiClient.Prefix}/entities?type=Streetlight");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        await AssertProblemAsync(response, "https://uri.etsi.org/ngsi-ld/errors/NotAcceptable");
    }

    [Fact]
    public async Task Unknown_types_and_attributes_match_nothing_rather_than_fail()
    {
        Assert.Empty(await _client.EntitiesAsync("type=Spaceship"));
        Assert.Empty(await _client.EntitiesAsync("type=Streetlight&attrs=warpSpeed"));
        Assert.Empty(await _client.EntitiesAsync("type=Streetlight&q=warpSpeed%3E1"));
        Assert.Empty(await _client.EntitiesAsync("type=Streetlight&q=status%3E1"));
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, string type)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
