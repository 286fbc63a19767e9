using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>Scenario submissions are rate limited per client; everything else is not.</summary>
public sealed class SubmissionRateTests(SubmissionRateHost host) : IClassFixture<SubmissionRateHost>
{
    [Fact]
    public async Task Submissions_past_the_limit_get_429_with_retry_after_and_other_endpoints_still_answer()
    {
        using var client = host.App.CreateClient();
        // Invalid definitions count too: the limit guards the endpoint, not only the runs it starts.
        for (var i = 0; i < SubmissionRateHost.PermitLimit; i++)
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
}
