using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;

namespace CityTwin.Web.Tests;

/// <summary>
/// A run's definition as a file for another city: it reads back as the request it came from, and
/// in its own city nothing is left out. Unpublished runs are the planners'.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class ScenarioDefinitionExportTests(TwinAppFactory app)
{
    [Fact]
    public async Task A_run_exports_its_definition_which_retargets_whole_in_its_own_city()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var started = await planner.PostAsJsonAsync("/api/scenarios", IncheonScenarioFile.Request("exported"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var response = await planner.GetAsync($"/api/scenarios/{id}/export/definition.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"scenario-incheon-{id}.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("citytwin-scenario/1", file.GetProperty("format").GetString());
        Assert.Equal("incheon", file.GetProperty("city").GetString());
        var scenario = file.GetProperty("scenario");
        Assert.Equal("exported", scenario.GetProperty("name").GetString());
        Assert.Equal("baseline", scenario.GetProperty("start").GetProperty("kind").GetString());
        Assert.Equal(2, scenario.GetProperty("horizonHours").GetDouble());
        var interventions = scenario.GetProperty("interventions").EnumerateArray().ToList();
        Assert.Equal(["led-retrofit", "congestion-charge", "rooftop-solar", "green-roofs", "streetlight-dimming"], interventions.Select(i => i.GetProperty("type").GetString()));
        Assert.Equal(IncheonScenarioFile.Yeonsu, interventions[1].GetProperty("target").GetProperty("codes")[0].GetString());
        Assert.Equal(3, interventions[4].GetProperty("target").GetProperty("polygon").GetArrayLength());

        var report = await (await planner.PostAsJsonAsync("/api/scenarios/retarget", file)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, report.GetProperty("kept").GetArrayLength());
        Assert.Equal(0, report.GetProperty("dropped").GetArrayLength());

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/scenarios/{id}/export/definition.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync("/api/scenarios/nosuchrun/export/definition.json")).StatusCode);
    }
}
