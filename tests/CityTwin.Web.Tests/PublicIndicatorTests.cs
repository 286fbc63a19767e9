using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// The public transparency view: what it exposes (an allow-list of keys, while alarms and
/// unpublished runs exist), who may set targets, how a target is validated, audited and kept.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class PublicIndicatorTests(TwinAppFactory app)
{
    /// <summary>Every property name the public answer may carry, at any depth.</summary>
    private static readonly HashSet<string> AllowedKeys =
    [
        "cityId", "cityNames", "timeZone", "asOf", "generatedAt", "scoreCap", "indicators", "city", "districts", "profileSource", "scenarios",
        "en", "id", "ko", "kk", "mn", "ru",
        "standard", "number", "name", "names", "definition", "unit", "better", "synthetic", "dataSource", "target", "targetSource", "targetSetAt", "targetMin", "targetMax",
        "code", "level", "nameEn", "nameKo", "population", "areaKm2", "densityPerKm2", "performanceIndex", "figures",
        "indicator", "value", "latest", "score", "updatedAt", "trend", "at",
        "description", "publishedAt", "completedAt", "startKind", "startsAt", "horizonHours", "stepMinutes", "seed", "conditions", "interventions", "highlights", "briefUrl",
        "type", "parameters", "kind", "count",
        "kpi", "baseline", "scenario", "deltaPercent", "outcome",
    ];

    [Fact]
    public async Task The_public_view_shows_indicators_targets_and_published_runs_and_nothing_operational()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var plannerName = (await planner.GetFromJsonAsync<JsonElement>("/api/account/me")).GetProperty("userName").GetString()!;
        var hidden = await RunAsync(planner, $"Unpublished {Guid.NewGuid():N}"[..24]);
        var shown = await RunAsync(planner, $"Published {Guid.NewGuid():N}"[..22]);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/scenarios/{shown}/publish", new { published = true })).StatusCode);
        // Operational detail exists in the twin right now: assets not ok (alarm, warning or offline).
        using var anonymous = app.CreateClient();
        await Wait.ForAsync(() => anonymous.GetFromJsonAsync<JsonElement>("/api/city"),
            c => c.GetProperty("kpis").GetProperty("assetsInAlarm").GetDouble() + c.GetProperty("kpis").GetProperty("assetsWarning").GetDouble()
                + c.GetProperty("kpis").GetProperty("assetsOffline").GetDouble() > 0,
            TimeSpan.FromSeconds(90), "some asset to be in alarm, warning or offline");

        var response = await anonymous.GetAsync("/api/public/indicators");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;

        var keys = new HashSet<string>();
        Collect(root, keys);
        Assert.Empty(keys.Except(AllowedKeys));
        Assert.DoesNotContain(hidden, text);
        Assert.DoesNotContain("Unpublished", text);
        Assert.DoesNotContain(plannerName, text);
        foreach (var word in new[] { "alarm", "warning", "offline", "assets\"", "status", "owner", "publishedBy" })
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        // No asset id (kind/number) anywhere.
        Assert.DoesNotMatch(@"""(streetlight|traffic|air|substation|flood|ev|pump|building|road)[-_a-z]*/", text);

        // Each indicator names its ISO indicator, its data and its target; the city and every district are scored.
        var indicators = root.GetProperty("indicators").EnumerateArray().ToList();
        Assert.NotEmpty(indicators);
        foreach (var i in indicators)
        {
            Assert.Matches(@"^ISO 3712[02]:\d{4}$", i.GetProperty("standard").GetString());
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("definition").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("dataSource").GetString()));
            Assert.True(i.GetProperty("target").GetDouble() > 0);
            foreach (var lang in new[] { "en", "id", "ko", "kk", "mn", "ru" }) Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("names").GetProperty(lang).GetString()));
        }
        var districts = root.GetProperty("districts").EnumerateArray().ToList();
        Assert.Equal(10, districts.Count);
        var city = root.GetProperty("city");
        Assert.Equal(districts.Sum(d => d.GetProperty("population").GetInt32()), city.GetProperty("population").GetInt32());
        foreach (var area in districts.Append(city))
        {
            Assert.Equal(indicators.Count, area.GetProperty("figures").GetArrayLength());
            var scores = area.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("score").ValueKind == JsonValueKind.Number)
                .Select(f => f.GetProperty("score").GetDouble()).ToList();
            Assert.NotEmpty(scores);
            Assert.Equal(Math.Round(scores.Average(), 3), area.GetProperty("performanceIndex").GetDouble(), 3);
        }

        var scenario = Assert.Single(root.GetProperty("scenarios").EnumerateArray(), s => s.GetProperty("id").GetString() == shown);
        Assert.Equal("led-retrofit", scenario.GetProperty("interventions")[0].GetProperty("type").GetString());
        Assert.Equal("city", scenario.GetProperty("interventions")[0].GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(2, scenario.GetProperty("horizonHours").GetDouble());
        Assert.NotEmpty(scenario.GetProperty("highlights").EnumerateArray());
        // The brief it links is readable by the public.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(scenario.GetProperty("briefUrl").GetString())).StatusCode);
    }

    [Fact]
    public async Task Planners_and_admins_set_targets_everyone_else_is_refused_and_every_change_is_audited()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/indicators/pm25/target", new { value = 12 })).StatusCode);
        foreach (var role in new[] { Roles.Viewer, Roles.Operator, Roles.Trainer })
        {
            using var refused = await app.CreateClientAsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PutAsJsonAsync("/api/indicators/pm25/target", new { value = 12 })).StatusCode);
        }
        var before = await PublicAsync(anonymous);
        Assert.NotEqual(13.5, Indicator(before, "pm25").GetProperty("target").GetDouble());

        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var set = await planner.PutAsJsonAsync("/api/indicators/pm25/target", new { value = 13.5 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(13.5, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("target").GetDouble());
        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/indicators/airMonitoringDensity/target", new { value = 0.3 })).StatusCode);

        var after = await PublicAsync(anonymous);
        var pm25 = Indicator(after, "pm25");
        Assert.Equal(13.5, pm25.GetProperty("target").GetDouble());
        Assert.Equal(JsonValueKind.String, pm25.GetProperty("targetSetAt").ValueKind);
        // The score follows the new target: lower is better, so target ÷ value (capped at 2).
        var figure = after.GetProperty("city").GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("indicator").GetString() == "pm25");
        var value = figure.GetProperty("value").GetDouble();
        Assert.Equal(Math.Round(Math.Clamp(13.5 / value, 0, 2), 3), figure.GetProperty("score").GetDouble(), 3);
        Assert.Equal(0.3, Indicator(after, "airMonitoringDensity").GetProperty("target").GetDouble());

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?target=pm25");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.IndicatorTarget
            && e.GetProperty("outcome").GetString() == AuditOutcomes.Done && e.GetProperty("detail").GetString()!.Contains("13.5", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"value\":null}")]
    [InlineData("{\"value\":\"twelve\"}")]
    [InlineData("{\"value\":\"NaN\"}")]
    [InlineData("{\"value\":true}")]
    [InlineData("{\"value\":[12]}")]
    [InlineData("{\"value\":{\"x\":1}}")]
    [InlineData("{\"value\":0}")]
    [InlineData("{\"value\":-5}")]
    [InlineData("{\"value\":1e308}")]
    [InlineData("{\"value\":201}")]
    [InlineData("{\"value\":12")]
    public async Task A_target_that_is_missing_wrong_typed_or_out_of_range_gets_a_400_naming_the_value(string body)
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var response = await planner.PutAsync("/api/indicators/pm25/target", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name is "value" or "$.value" or "body" && e.Value.GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_unknown_indicator_is_a_404_and_changes_nothing()
    {
        using var planner = await app.CreateClientAsAsync(Roles.Planner);
        var response = await planner.PutAsJsonAsync("/api/indicators/noSuchIndicator/target", new { value = 1 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> RunAsync(HttpClient planner, string name)
    {
        var started = await planner.PostAsJsonAsync("/api/scenarios", new
        {
            name,
            start = new { kind = "baseline", date = "2026-07-15" },
            horizonHours = 2,
            stepMinutes = 30,
            interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Wait.ForAsync(() => planner.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(120), $"run {name} to complete");
        return id;
    }

    private static async Task<JsonElement> PublicAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/public/indicators");

    private static JsonElement Indicator(JsonElement root, string id) =>
        root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private static void Collect(JsonElement e, HashSet<string> keys)
    {
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject()) { keys.Add(p.Name); Collect(p.Value, keys); }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var item in e.EnumerateArray()) Collect(item, keys);
    }
}
