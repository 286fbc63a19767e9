using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

[Collection(TwinCollection.Name)]
public sealed class ClockApiTests(TwinAppFactory app)
{
    private readonly HttpClient _client = app.CreateClientAs(Roles.Trainer);

    [Fact]
    public async Task Pause_stops_the_clock_and_resume_restarts_it()
    {
        try
        {
            var paused = await _client.PostAsJsonAsync("/api/clock", new { paused = true });
            Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
            var at = (await _client.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("simTime").GetString();
            await Task.Delay(1200);
            var later = await _client.GetFromJsonAsync<JsonElement>("/api/clock");
            Assert.True(later.GetProperty("paused").GetBoolean());
            Assert.Equal(at, later.GetProperty("simTime").GetString());

            await _client.PostAsJsonAsync("/api/clock", new { paused = false, speed = 120 });
            var resumed = await app.PollAsync<JsonElement>("/api/clock", c => c.GetProperty("simTime").GetString() != at);
            Assert.Equal(120, resumed.GetProperty("speed").GetDouble());
            Assert.False(resumed.GetProperty("paused").GetBoolean());
        }
        finally
        {
            await _client.PostAsJsonAsync("/api/clock", new { paused = false, speed = 60 });
        }
    }

    [Theory]
    [InlineData("{\"speed\":0}")]
    [InlineData("{\"speed\":1000}")]
    [InlineData("{}")]
    public async Task Invalid_clock_changes_get_400(string body)
    {
        var response = await _client.PostAsync("/api/clock", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
