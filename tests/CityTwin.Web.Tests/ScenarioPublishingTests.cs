using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>Planners read every scenario; everyone else reads the published ones only.</summary>
[Collection(TwinCollection.Name)]
public sealed class ScenarioPublishingTests(TwinAppFactory app)
{
    [Fact]
    public async Task A_scenario_is_hidden_until_a_planner_publishes_it_and_hidden_again_when_taken_back()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        using var trainer = await app.CreateClientAsAsync(Roles.Trainer);
        using var anonymous = app.CreateClient();
        var started = await planner.PostAsJsonAsync("/api/scenarios", new
        {
            name = "LED for the public view",
            start = new { kind = "baseline", date = "2026-07-15" },
            horizonHours = 2,
            stepMinutes = 30,
            interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var view = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetString()!;
        Assert.False(view.GetProperty("published").GetBoolean());
        Assert.StartsWith("planner-", view.GetProperty("owner").GetString());

        // Publishing before it completes is refused.
        var early = await planner.PostAsJsonAsync($"/api/scenarios/{id}/publish", new { published = true });
        Assert.True(early.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.OK, early.StatusCode.ToString());
        await Wait.ForAsync(() => planner.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(60), "the run to complete");
        if (early.StatusCode == HttpStatusCode.OK) Assert.Fail("a run that had not completed was published");

        foreach (var reader in new[] { anonymous, trainer })
        {
            Assert.DoesNotContain(id, await ListIdsAsync(reader));
            foreach (var url in Urls(id)) Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);
        }
        Assert.Contains(id, await ListIdsAsync(planner));

        var published = await planner.PostAsJsonAsync($"/api/scenarios/{id}/publish", new { published = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var after = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(after.GetProperty("published").GetBoolean());
        Assert.Equal(view.GetProperty("owner").GetString(), after.GetProperty("publishedBy").GetString());
        foreach (var reader in new[] { anonymous, trainer })
        {
            Assert.Contains(id, await ListIdsAsync(reader));
            foreach (var url in Urls(id)) Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
        }
        // Reading is not changing: the public still cannot delete it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainer.DeleteAsync($"/api/scenarios/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/scenarios/{id}/publish", new { published = false })).StatusCode);
        Assert.DoesNotContain(id, await ListIdsAsync(anonymous));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/scenarios/{id}/results")).StatusCode);

        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?target={id}");
        var actions = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(new string?[] { AuditActions.ScenarioUnpublish, AuditActions.ScenarioPublish, AuditActions.ScenarioRun }, actions);
    }

    [Fact]
    public async Task Publishing_needs_a_yes_or_no()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var response = await planner.PostAsync("/api/scenarios/whatever/publish", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("published", out _));
    }

    private static string[] Urls(string id) =>
        [$"/api/scenarios/{id}", $"/api/scenarios/{id}/results", $"/api/scenarios/{id}/export/kpis.csv", $"/api/scenarios/{id}/brief"];

    private static async Task<List<string?>> ListIdsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/scenarios")).EnumerateArray().Select(s => s.GetProperty("id").GetString())];
}
