using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>The limits follow the <c>Boundaries</c> configuration: submissions per client and body sizes.</summary>
public sealed class ConfiguredLimitsTests(TightLimitsHost host) : IClassFixture<TightLimitsHost>
{
    [Fact]
    public async Task Submissions_past_the_limit_get_429_with_retry_after_and_other_endpoints_still_answer()
    {
        using var client = host.App.CreateClientAs(Roles.Admin);
        // Invalid definitions count too: the limit guards the endpoint, not only the runs it starts.
        for (var i = 0; i < TightLimitsHost.PermitLimit; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/scenarios", new { name = "" })).StatusCode);

        var refused = await client.PostAsJsonAsync("/api/scenarios", new { name = "" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/scenarios")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/clock", new { speed = 60 })).StatusCode);
    }

    [Fact]
    public async Task A_clock_body_over_the_configured_limit_is_a_413_and_one_under_it_is_read()
    {
        using var client = host.App.CreateClientAs(Roles.Admin);
        var small = "{\"speed\":60}";
        var large = "{\"speed\":60,\"note\":\"" + new string('x', TightLimitsHost.ClockBodyBytes) + "\"}";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/clock", new StringContent(small, Encoding.UTF8, "application/json"))).StatusCode);
        var refused = await client.PostAsync("/api/clock", new StringContent(large, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"{TightLimitsHost.ClockBodyBytes} bytes", problem.GetProperty("errors").GetProperty("body")[0].GetString());
    }
}
