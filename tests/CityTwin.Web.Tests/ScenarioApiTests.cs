using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

[Collection(TwinCollection.Name)]
public sealed class ScenarioApiTests(TwinAppFactory app)
{
    private readonly HttpClient _client = app.CreateClientAs(Roles.Planner);

    private static object Led(string name, double horizonHours = 6, double stepMinutes = 15, int seed = 7) => new
    {
        name,
        start = new { kind = "baseline", date = "2026-07-15" },
        horizonHours,
        stepMinutes,
        seed,
        interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
    };

    [Fact]
    public async Task Catalog_lists_interventions_with_parameter_ranges_and_kpis_with_meaning()
    {
        var catalog = await _client.GetFromJsonAsync<JsonElement>("/api/scenarios/catalog");
        var types = catalog.GetProperty("interventions").EnumerateArray().Select(i => i.GetProperty("type").GetString()).ToList();
        foreach (var expected in new[] { "road-closure", "bus-lane", "led-retrofit", "rooftop-solar" })
            Assert.Contains(expected, types);
        Assert.True(types.Count >= 10, $"{types.Count} intervention types");
        foreach (var p in catalog.GetProperty("interventions").EnumerateArray().SelectMany(i => i.GetProperty("parameters").EnumerateArray()))
            Assert.True(p.GetProperty("min").GetDouble() <= p.GetProperty("default").GetDouble() && p.GetProperty("default").GetDouble() <= p.GetProperty("max").GetDouble());
        var kpi = catalog.GetProperty("kpis").EnumerateArray().First();
        Assert.Contains(kpi.GetProperty("better").GetString(), new[] { "lower", "higher" });
        Assert.False(string.IsNullOrEmpty(kpi.GetProperty("isoTheme").GetString()));
        Assert.Equal(3, catalog.GetProperty("conditions").GetArrayLength());
    }

    [Fact]
    public async Task An_invalid_definition_gets_400_with_an_error_per_field()
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", new
        {
            name = "",
            start = new { kind = "baseline", date = "2026-07-15" },
            horizonHours = 500,
            stepMinutes = 15,
            conditions = new[] { new { type = "heatwave", parameters = new Dictionary<string, double> { ["peakC"] = 99 } } },
            interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double> { ["sharePercent"] = 150 }, target = new { kind = "city" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("horizonHours", fields);
        Assert.Contains("conditions[0].parameters.peakC", fields);
        Assert.Contains(fields, f => f.StartsWith("interventions[0].parameters.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_completes_with_progress_and_results_that_differ_from_the_baseline()
    {
        var id = await StartAsync(Led("LED city-wide"));
        var done = await WaitForAsync(id, "completed");
        Assert.Equal(1, done.GetProperty("progress").GetDouble());

        var results = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
        Assert.Equal(24, results.GetProperty("times").GetArrayLength()); // 6 h of 15-minute steps
        var light = results.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString()!.Contains("streetlight", StringComparison.OrdinalIgnoreCase));
        Assert.True(light.GetProperty("scenario").GetDouble() < light.GetProperty("baseline").GetDouble(), light.ToString());
        Assert.Equal("better", light.GetProperty("outcome").GetString());
        Assert.Equal(10, results.GetProperty("districts").GetArrayLength());
        Assert.Equal(155, results.GetProperty("dongs").GetArrayLength());

        var list = await _client.GetFromJsonAsync<JsonElement>("/api/scenarios");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == id && s.GetProperty("status").GetString() == "completed");
    }

    [Fact]
    public async Task The_same_definition_and_seed_give_the_same_numbers()
    {
        var first = await StartAsync(Led("twin A", seed: 42));
        var second = await StartAsync(Led("twin A", seed: 42));
        await WaitForAsync(first, "completed");
        await WaitForAsync(second, "completed");
        var a = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{first}/results");
        var b = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{second}/results");
        Assert.Equal(a.GetProperty("kpis").ToString(), b.GetProperty("kpis").ToString());
        Assert.Equal(a.GetProperty("series").ToString(), b.GetProperty("series").ToString());
    }

    [Fact]
    public async Task A_running_scenario_can_be_cancelled_and_then_removed()
    {
        // A week at 5-minute steps: long enough to be caught running.
        var id = await StartAsync(Led("long run", horizonHours: 168, stepMinutes: 5));
        var cancel = await _client.DeleteAsync($"/api/scenarios/{id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await WaitForAsync(id, "cancelled");
        Assert.Equal(HttpStatusCode.Conflict, (await _client.GetAsync($"/api/scenarios/{id}/results")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/scenarios/{id}")).StatusCode);
    }

    [Fact]
    public async Task Exports_give_csv_series_district_geojson_and_a_printable_brief()
    {
        var id = await StartAsync(Led("exports"));
        await WaitForAsync(id, "completed");

        var csv = await _client.GetStringAsync($"/api/scenarios/{id}/export/kpis.csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("time_utc,", lines[0]);
        Assert.Equal(25, lines.Length); // header + 24 steps

        var geo = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/export/districts.geojson");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(10, geo.GetProperty("features").GetArrayLength());
        Assert.Contains(geo.GetProperty("features")[0].GetProperty("properties").EnumerateObject(), p => p.Name.EndsWith("_delta", StringComparison.Ordinal));

        var brief = await _client.GetAsync($"/api/scenarios/{id}/brief");
        Assert.Equal("text/html", brief.Content.Headers.ContentType?.MediaType);
        var html = await brief.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html);
        Assert.Contains("seed 7", html);
        Assert.Contains("UTC+09:00 (Asia/Seoul)", html);
        Assert.Contains("LED", html);
        // Every district uses less streetlight energy: the legend says so, with the change's sign.
        Assert.Matches(@"largest change in one district: -[0-9][0-9.,]* MWh \(better\)", html);
    }

    [Fact]
    public async Task Series_exist_for_the_city_a_gu_and_a_dong_and_add_up()
    {
        var id = await StartAsync(Led("series"));
        await WaitForAsync(id, "completed");
        var results = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
        var guTotal = results.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "28185");
        var kpi = guTotal.GetProperty("kpis").EnumerateObject().First(k => k.Name.Contains("streetlight", StringComparison.OrdinalIgnoreCase));

        var gu = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/series/28185");
        Assert.Equal("gu", gu.GetProperty("level").GetString());
        var series = gu.GetProperty("series").GetProperty(kpi.Name);
        Assert.Equal(24, series.GetProperty("scenario").GetArrayLength());
        Assert.True(series.GetProperty("scenario").EnumerateArray().Sum(v => v.GetDouble()) < series.GetProperty("baseline").EnumerateArray().Sum(v => v.GetDouble()));

        var dong = results.GetProperty("dongs").EnumerateArray().First(d => d.GetProperty("code").GetString()!.StartsWith("28185", StringComparison.Ordinal));
        var dongSeries = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/series/{dong.GetProperty("code").GetString()}");
        Assert.True(dongSeries.GetProperty("series").EnumerateObject().Any());
        Assert.Equal("dong", dongSeries.GetProperty("level").GetString());
        var city = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/series/incheon");
        Assert.Equal(24, city.GetProperty("times").GetArrayLength());
        Assert.Equal("city", city.GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/scenarios/{id}/series/99999")).StatusCode);
    }

    [Fact]
    public async Task Unknown_scenarios_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/scenarios/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/scenarios/nope/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/api/scenarios/nope")).StatusCode);
    }

    private async Task<string> StartAsync(object definition)
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", definition);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<JsonElement> WaitForAsync(string id, string status) =>
        TwinAppFactory.PollAsync<JsonElement>(_client, $"/api/scenarios/{id}", s => s.GetProperty("status").GetString() == status, TimeSpan.FromSeconds(120));
}
