using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Web.Tests;

/// <summary>
/// Requests the endpoints cannot read are 4xx problem details that name the field at fault (here in
/// Development; the generated requests of <see cref="BoundaryFuzzTests"/> cover Production).
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class InputBoundaryTests(TwinAppFactory app)
{
    private readonly HttpClient _client = app.CreateClientAs(Roles.Admin);

    [Theory]
    [InlineData("limit=1.5")]
    [InlineData("limit=abc")]
    [InlineData("limit=1e309")]
    [InlineData("limit=99999999999")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_it(string query)
    {
        var response = await _client.GetAsync($"/api/assets?{query}");
        var errors = await ProblemFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["limit"], errors.Keys);
        Assert.Contains("whole number", errors["limit"]);
    }

    [Theory]
    [InlineData("{\"speed\":\"fast\"}", "speed", "number")]
    [InlineData("{\"paused\":\"yes\"}", "paused", "true or false")]
    [InlineData("{\"simTime\":\"tomorrow\"}", "simTime", "date and time")]
    [InlineData("{\"speed\":[1]}", "speed", "number")]
    [InlineData("{\"speed\":", "speed", "not valid JSON")]
    [InlineData("not json", "body", "not valid JSON")]
    public async Task A_clock_body_of_the_wrong_type_is_a_400_naming_the_property(string body, string field, string expected)
    {
        var response = await _client.PostAsync("/api/clock", new StringContent(body, Encoding.UTF8, "application/json"));
        var errors = await ProblemFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(expected, errors[field]);
    }

    [Fact]
    public async Task A_wrong_type_deep_in_a_scenario_names_its_path()
    {
        var json = """
            {"name":"deep","start":{"kind":"baseline","date":"2026-07-15"},"horizonHours":6,"stepMinutes":15,
             "interventions":[{"type":"led-retrofit","parameters":{},"target":{"kind":"city"}},
                              {"type":"led-retrofit","parameters":{"sharePercent":"lots"},"target":{"kind":"city"}}]}
            """;
        var response = await _client.PostAsync("/api/scenarios", new StringContent(json, Encoding.UTF8, "application/json"));
        var errors = await ProblemFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["interventions[1].parameters.sharePercent"], errors.Keys);
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"start\":{\"kind\":\"baseline\",\"date\":\"2026-02-30\"}}", "start.date")]
    [InlineData("{\"name\":\"x\",\"horizonHours\":null}", "horizonHours")]
    [InlineData("{\"name\":\"x\",\"interventions\":[{\"target\":{\"polygon\":[[\"a\",1]]}}]}", "interventions[0].target.polygon[0][0]")]
    public async Task Wrong_values_at_any_depth_of_a_scenario_name_their_path(string json, string field)
    {
        var response = await _client.PostAsync("/api/scenarios", new StringContent(json, Encoding.UTF8, "application/json"));
        var errors = await ProblemFieldsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task A_body_that_is_not_json_content_is_a_415_naming_the_body()
    {
        var response = await _client.PostAsync("/api/scenarios", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        var errors = await ProblemFieldsAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["body"], errors.Keys);
    }

    [Fact]
    public async Task A_scenario_over_the_body_limit_is_a_413()
    {
        var polygon = string.Join(',', Enumerable.Repeat("[126.6,37.4]", 30_000));
        var json = "{\"name\":\"huge\",\"interventions\":[{\"type\":\"led-retrofit\",\"target\":{\"kind\":\"polygon\",\"polygon\":[" + polygon + "]}}]}";
        var response = await _client.PostAsync("/api/scenarios", new StringContent(json, Encoding.UTF8, "application/json"));
        var errors = await ProblemFieldsAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("262144", errors["body"]);
    }

    [Fact]
    public async Task A_clock_change_over_its_smaller_limit_is_a_413_even_without_a_declared_length()
    {
        var json = "{\"speed\":5,\"padding\":\"" + new string('x', 8 * 1024) + "\"}";
        // A streamed body has no Content-Length: the limit is enforced while reading.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/clock") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _client.SendAsync(request);
        var errors = await ProblemFieldsAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4096", errors["body"]);
    }

    [Theory]
    [InlineData("/api/scenarios/%20")]
    [InlineData("/api/scenarios/%20/results")]
    [InlineData("/api/districts/%09")]
    public async Task A_blank_route_value_is_a_400_naming_it_before_any_grain_is_asked(string url)
    {
        var errors = await ProblemFieldsAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Single(errors);
        Assert.Contains(errors.Keys.Single(), new[] { "id", "code" });
    }

    [Fact]
    public async Task A_route_value_over_the_length_limit_is_a_400()
    {
        var errors = await ProblemFieldsAsync(await _client.GetAsync($"/api/assets/{new string('a', 300)}"), HttpStatusCode.BadRequest);
        Assert.Contains("256", errors["id"]);
    }

    [Fact]
    public async Task A_malformed_silo_address_on_the_dashboard_is_a_400()
    {
        var errors = await ProblemFieldsAsync(await _client.GetAsync("/dashboard/SiloProperties/not-a-silo"), HttpStatusCode.BadRequest);
        Assert.Equal(["address"], errors.Keys);
    }

    [Fact]
    public async Task Each_rejection_leaves_a_warning_naming_the_field()
    {
        using var recorder = new RecordingLoggerProvider();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(recorder);
        await _client.GetAsync("/api/assets?limit=2.5");
        await _client.PostAsync("/api/clock", new StringContent("{\"paused\":42}", Encoding.UTF8, "application/json"));
        Assert.Contains(recorder.Warnings, w => w.Category.StartsWith("CityTwin.Web.Boundaries", StringComparison.Ordinal) && w.Message.Contains("/api/assets") && w.Message.Contains("limit"));
        Assert.Contains(recorder.Warnings, w => w.Category.StartsWith("CityTwin.Web.Boundaries", StringComparison.Ordinal) && w.Message.Contains("/api/clock") && w.Message.Contains("paused"));
    }

    [Fact]
    public async Task Hand_made_field_errors_still_answer_as_before()
    {
        var speed = await ProblemFieldsAsync(await _client.PostAsJsonAsync("/api/clock", new { speed = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal(["speed"], speed.Keys);
        var empty = await ProblemFieldsAsync(await _client.PostAsync("/api/clock", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(["body"], empty.Keys);
        var bbox = await ProblemFieldsAsync(await _client.GetAsync("/api/assets?bbox=1,2,3"), HttpStatusCode.BadRequest);
        Assert.Equal(["bbox"], bbox.Keys);
    }

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and returns its errors, field by field.</summary>
    private static async Task<Dictionary<string, string>> ProblemFieldsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
    }
}
