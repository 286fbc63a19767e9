using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;

namespace CityTwin.Web.Tests;

/// <summary>
/// An Incheon scenario taken to another city (the synthetic Southbay pack): the retarget report keeps
/// what targets the whole city, leaves out Incheon's gu, dong and polygon with the reason, starts
/// nothing, and what it returns runs there. Planners only; a broken file is a 400 naming the field.
/// </summary>
public sealed class ScenarioRerunApiTests(SecondCityHost host) : IClassFixture<SecondCityHost>
{
    [Fact]
    public async Task An_incheon_definition_is_fitted_to_another_city_with_a_report_and_then_runs_there()
    {
        using var planner = await host.App.CreateClientAsAsync(Roles.Planner);
        var before = (await planner.GetFromJsonAsync<JsonElement>("/api/scenarios")).GetArrayLength();

        var response = await planner.PostAsJsonAsync("/api/scenarios/retarget", IncheonScenarioFile.File());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("incheon", report.GetProperty("from").GetString());
        Assert.Equal(SyntheticCityPack.Id, report.GetProperty("city").GetString());
        Assert.Equal(["led-retrofit", "rooftop-solar"], report.GetProperty("kept").EnumerateArray().Select(k => k.GetProperty("type").GetString()));
        Assert.All(report.GetProperty("kept").EnumerateArray(), k => Assert.Equal("city", k.GetProperty("target").GetString()));
        var dropped = report.GetProperty("dropped").EnumerateArray().Select(d => (d.GetProperty("index").GetInt32(), d.GetProperty("type").GetString(), d.GetProperty("reason").GetString())).ToList();
        Assert.Equal(3, dropped.Count);
        Assert.Contains((1, "congestion-charge", $"unknown gu '{IncheonScenarioFile.Yeonsu}'"), dropped);
        Assert.Contains((3, "green-roofs", $"unknown dong '{IncheonScenarioFile.Songdo1}'"), dropped);
        Assert.Contains(dropped, d => d.Item1 == 4 && d.Item3!.Contains("outside", StringComparison.Ordinal));
        // Nothing was started by the report.
        Assert.Equal(before, (await planner.GetFromJsonAsync<JsonElement>("/api/scenarios")).GetArrayLength());

        var started = await planner.PostAsJsonAsync("/api/scenarios", report.GetProperty("scenario"));
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var run = await TwinAppFactory.PollAsync<JsonElement>(planner, $"/api/scenarios/{id}", r => r.GetProperty("status").GetString() is "completed" or "failed", TimeSpan.FromSeconds(120));
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("definition").GetProperty("interventions").GetArrayLength());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Trainer, HttpStatusCode.Forbidden)]
    public async Task Only_planners_may_check_a_rerun(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? host.App.CreateClient() : await host.App.CreateClientAsAsync(role);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/scenarios/retarget", IncheonScenarioFile.File())).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_definition_is_a_400_naming_the_field()
    {
        using var planner = await host.App.CreateClientAsAsync(Roles.Planner);
        var noScenario = await planner.PostAsJsonAsync("/api/scenarios/retarget", new { format = "citytwin-scenario/1", city = "incheon" });
        Assert.Equal(HttpStatusCode.BadRequest, noScenario.StatusCode);
        Assert.True((await noScenario.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scenario", out _));

        var otherFormat = await planner.PostAsJsonAsync("/api/scenarios/retarget", new { format = "tour/1", city = "incheon", scenario = IncheonScenarioFile.Request() });
        Assert.True((await otherFormat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _));

        // What is wrong apart from targets stays an error of the definition, under its path.
        var badHorizon = await planner.PostAsJsonAsync("/api/scenarios/retarget", new
        {
            format = "citytwin-scenario/1",
            city = "incheon",
            scenario = new { name = "too long", start = new { kind = "baseline", date = "2026-07-15" }, horizonHours = 100000, stepMinutes = 60, interventions = new[] { new { type = "led-retrofit", target = new { kind = "city" } } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badHorizon.StatusCode);
        Assert.True((await badHorizon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scenario.horizonHours", out _));

        var notJson = await planner.PostAsync("/api/scenarios/retarget", new StringContent("[1,2", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }
}
