using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests.Stakeholders;

/// <summary>Short completed (and, if asked, published) runs to score and comment on.</summary>
public static class StakeholderRuns
{
    public static async Task<string> RunAsync(HttpClient planner, string name, string intervention, bool publish = true)
    {
        var started = await planner.PostAsJsonAsync("/api/scenarios", new
        {
            name,
            start = new { kind = "baseline", date = "2026-07-15" },
            horizonHours = 2,
            stepMinutes = 30,
            interventions = new[] { new { type = intervention, parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Wait.ForAsync(() => planner.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}"),
            s => s.GetProperty("status").GetString() is "completed" or "failed", TimeSpan.FromSeconds(120), $"run {name} to complete");
        if (publish) Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/scenarios/{id}/publish", new { published = true })).StatusCode);
        return id;
    }

    public static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }
}
