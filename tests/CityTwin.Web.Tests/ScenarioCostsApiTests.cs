using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// Costs, payback and uncertainty through the API: a run over several seeds has its bands and the
/// same numbers every time; the planner's prices replace the city's; up to three runs compare side
/// by side in JSON, CSV and the printable brief; bad input is a 400 naming the field, never a 5xx.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class ScenarioCostsApiTests(TwinAppFactory app)
{
    private readonly HttpClient _client = app.CreateClientAs(Roles.Planner);

    private static object Run(string name, string type, int seed = 11, int seedCount = 1, object? economics = null, double horizonHours = 24, double stepMinutes = 60) => new
    {
        name,
        start = new { kind = "baseline", date = "2026-07-15" },
        horizonHours,
        stepMinutes,
        seed,
        seedCount,
        economics,
        interventions = new[] { new { type, parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
    };

    [Fact]
    public async Task A_run_over_five_seeds_has_bands_and_costs_and_gives_the_same_numbers_again()
    {
        var first = await StartAsync(Run("PV five seeds", "rooftop-solar", seed: 31, seedCount: 5));
        var again = await StartAsync(Run("PV five seeds", "rooftop-solar", seed: 31, seedCount: 5));
        var single = await StartAsync(Run("PV one seed", "rooftop-solar", seed: 31));
        var a = await ResultsAsync(first);
        var b = await ResultsAsync(again);
        var one = await ResultsAsync(single);

        var uncertainty = a.GetProperty("uncertainty");
        Assert.Equal([31, 32, 33, 34, 35], uncertainty.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        foreach (var band in uncertainty.GetProperty("kpis").EnumerateArray())
            foreach (var part in new[] { "baseline", "scenario", "delta" })
            {
                var p = band.GetProperty(part);
                Assert.True(p.GetProperty("low").GetDouble() <= p.GetProperty("median").GetDouble() && p.GetProperty("median").GetDouble() <= p.GetProperty("high").GetDouble(), band.ToString());
            }
        // The seeds change the weather: the sun, so the PV saving, differs from one seed to another.
        var grid = uncertainty.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "gridEnergyMwh").GetProperty("delta");
        Assert.True(grid.GetProperty("high").GetDouble() > grid.GetProperty("low").GetDouble(), grid.ToString());
        var series = uncertainty.GetProperty("series").GetProperty("gridEnergyMwh");
        Assert.Equal(24, series.GetProperty("scenarioLow").GetArrayLength());

        // Deterministic for a seed list: the same request gives the same bits.
        Assert.Equal(a.GetProperty("uncertainty").ToString(), b.GetProperty("uncertainty").ToString());
        Assert.Equal(a.GetProperty("economics").ToString(), b.GetProperty("economics").ToString());
        // The rest of the document is the first seed's: the same as a run of that seed alone, which has no bands.
        Assert.Equal(one.GetProperty("kpis").ToString(), a.GetProperty("kpis").ToString());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("uncertainty").ValueKind);

        // Costs: the panels' kWp at the catalogue's cost per kWp, the city's default prices, a band of the money.
        var economics = a.GetProperty("economics");
        Assert.Equal("KRW", economics.GetProperty("currency").GetString());
        Assert.Equal(166, economics.GetProperty("tariffPerKwh").GetDouble());
        Assert.Equal(365, economics.GetProperty("annualisationFactor").GetDouble());
        var pv = economics.GetProperty("interventions")[0];
        Assert.Equal("kWp", pv.GetProperty("unit").GetString());
        Assert.Equal(pv.GetProperty("units").GetDouble() * 1_400_000, pv.GetProperty("capex").GetDouble(), 1e-6 * pv.GetProperty("capex").GetDouble());
        var city = economics.GetProperty("city");
        Assert.Equal(pv.GetProperty("capex").GetDouble(), city.GetProperty("capex").GetDouble(), 1e-6 * pv.GetProperty("capex").GetDouble());
        Assert.True(city.GetProperty("energySavedMwhPerYear").GetDouble() > 0, city.ToString());
        Assert.Equal(10, economics.GetProperty("districts").GetArrayLength());
        Assert.Equal(155, economics.GetProperty("dongs").GetArrayLength());
        // Every dong's capital adds up to the city's.
        var dongCapex = economics.GetProperty("dongs").EnumerateArray().Sum(d => d.GetProperty("capex").GetDouble());
        Assert.Equal(city.GetProperty("capex").GetDouble(), dongCapex, 1e-6 * dongCapex);
        var money = uncertainty.GetProperty("economics").GetProperty("npv");
        Assert.True(money.GetProperty("low").GetDouble() <= city.GetProperty("npv").GetDouble() || money.GetProperty("high").GetDouble() >= city.GetProperty("npv").GetDouble());

        // The exports carry it: the economics CSV has the city, 10 gu and 155 dongs; the KPI CSV the band columns.
        var csv = await _client.GetStringAsync($"/api/scenarios/{first}/export/economics.csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 1 + 10 + 155, lines.Length);
        Assert.StartsWith("level,code,name_en,name_ko,capex [KRW]", lines[0], StringComparison.Ordinal);
        Assert.Contains("gridEnergyMwh_scenario_p5", await _client.GetStringAsync($"/api/scenarios/{first}/export/kpis.csv"), StringComparison.Ordinal);
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{first}/export/results.json");
        Assert.Equal(economics.ToString(), json.GetProperty("economics").ToString());
        var brief = await _client.GetStringAsync($"/api/scenarios/{first}/brief");
        Assert.Contains("seeds 31–35 (5 runs)", brief, StringComparison.Ordinal);
        Assert.Contains("90 % band", brief, StringComparison.Ordinal);
        Assert.Contains("Costs and payback (KRW)", brief, StringComparison.Ordinal);
        Assert.Contains("× 365", brief, StringComparison.Ordinal);
        Assert.Contains("million KRW", brief, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_planners_prices_replace_the_citys_and_change_the_money_as_hand_computed()
    {
        var defaults = await ResultsAsync(await StartAsync(Run("LED at city prices", "led-retrofit", horizonHours: 6)));
        var dear = await ResultsAsync(await StartAsync(Run("LED at double tariff", "led-retrofit", horizonHours: 6,
            economics: new { tariffPerKwh = 332, carbonPricePerTonne = 0, discountRatePercent = 0, appraisalYears = 10 })));
        var d = defaults.GetProperty("economics");
        var e = dear.GetProperty("economics");
        Assert.Equal((166.0, 15_000.0, 4.5, 20), (d.GetProperty("tariffPerKwh").GetDouble(), d.GetProperty("carbonPricePerTonne").GetDouble(), d.GetProperty("discountRatePercent").GetDouble(), d.GetProperty("appraisalYears").GetInt32()));
        Assert.Equal((332.0, 0.0, 0.0, 10), (e.GetProperty("tariffPerKwh").GetDouble(), e.GetProperty("carbonPricePerTonne").GetDouble(), e.GetProperty("discountRatePercent").GetDouble(), e.GetProperty("appraisalYears").GetInt32()));
        Assert.Equal(1460, e.GetProperty("annualisationFactor").GetDouble());
        var city = e.GetProperty("city");
        var saved = city.GetProperty("energySavedMwhPerYear").GetDouble();
        // Energy saved a year = −Δ grid energy of the 6 h × 1,460; at twice the tariff the energy savings double.
        var gridDelta = dear.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "gridEnergyMwh").GetProperty("delta").GetDouble();
        Assert.Equal(-gridDelta * 1460, saved, 1e-9 * Math.Abs(saved));
        Assert.Equal(saved * 1000 * 332, city.GetProperty("energySavingsPerYear").GetDouble(), 1e-6 * saved * 332_000);
        Assert.Equal(2 * d.GetProperty("city").GetProperty("energySavingsPerYear").GetDouble(), city.GetProperty("energySavingsPerYear").GetDouble(), 1e-6 * saved * 332_000);
        Assert.Equal(0, city.GetProperty("carbonSavingsPerYear").GetDouble());
        // At a zero rate the NPV is capital lost plus ten years of net saving.
        var net = city.GetProperty("netPerYear").GetDouble();
        Assert.Equal(-city.GetProperty("capex").GetDouble() + 10 * net, city.GetProperty("npv").GetDouble(), 1e-6 * Math.Abs(net * 10));
        Assert.Equal(city.GetProperty("capex").GetDouble() / net, city.GetProperty("paybackYears").GetDouble(), 1e-9);
        Assert.Equal(11, e.GetProperty("cumulativeCashFlow").GetArrayLength());
    }

    [Theory]
    [InlineData("seedCount", 0)]
    [InlineData("seedCount", 51)]
    [InlineData("economics.discountRatePercent", 99)]
    [InlineData("economics.tariffPerKwh", -1)]
    [InlineData("economics.appraisalYears", 2.5)]
    [InlineData("economics.appraisalYears", 0)]
    public async Task Out_of_range_seeds_or_prices_are_refused_naming_the_field(string field, double value)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = "bad",
            ["start"] = new { kind = "baseline", date = "2026-07-15" },
            ["horizonHours"] = 6,
            ["stepMinutes"] = 60,
            ["interventions"] = new[] { new { type = "led-retrofit", target = new { kind = "city" } } },
        };
        if (field == "seedCount") body["seedCount"] = (int)value;
        else body["economics"] = new Dictionary<string, double> { [field["economics.".Length..]] = value };
        var response = await _client.PostAsJsonAsync("/api/scenarios", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Too_many_seeds_for_the_steps_are_refused()
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", Run("too big", "led-retrofit", seedCount: 50, horizonHours: 168, stepMinutes: 15));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("seedCount", out _));
    }

    [Fact]
    public async Task Three_runs_compare_side_by_side_in_json_csv_and_the_brief()
    {
        var ids = new[]
        {
            await StartAsync(Run("Compare LED", "led-retrofit", horizonHours: 6)),
            await StartAsync(Run("Compare PV", "rooftop-solar", horizonHours: 24, seedCount: 3)),
            await StartAsync(Run("Compare dimming", "streetlight-dimming", horizonHours: 6)),
        };
        foreach (var id in ids) await WaitForAsync(id, "completed");

        var comparison = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/compare?ids={string.Join(',', ids)}");
        var runs = comparison.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(ids, runs.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(3, runs[1].GetProperty("seeds").GetArrayLength());
        Assert.All(runs, r => Assert.Equal(JsonValueKind.Object, r.GetProperty("economics").ValueKind));
        var grid = comparison.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "gridEnergyMwh");
        var values = grid.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(3, values.Count);
        Assert.All(values, v => Assert.True(v.GetProperty("delta").GetDouble() < 0, v.ToString()));
        Assert.Equal(JsonValueKind.Object, values[1].GetProperty("deltaBand").ValueKind);
        Assert.Equal(JsonValueKind.Null, values[0].GetProperty("deltaBand").ValueKind);

        var brief = await _client.GetAsync($"/api/scenarios/compare/brief?ids={string.Join(',', ids)}");
        Assert.Equal(HttpStatusCode.OK, brief.StatusCode);
        var html = await brief.Content.ReadAsStringAsync();
        foreach (var name in new[] { "Compare LED", "Compare PV", "Compare dimming" }) Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("3 scenarios compared", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<tr data-run="));
        Assert.Contains("Cumulative cash flow, million KRW", html, StringComparison.Ordinal);
        Assert.Contains("years after the investment", html, StringComparison.Ordinal);

        var csv = (await _client.GetStringAsync($"/api/scenarios/compare/kpis.csv?ids={string.Join(',', ids)}")).TrimEnd('\n').Split('\n');
        Assert.Equal("run_id,run_name,item,unit,baseline,scenario,delta,delta_percent,p5,median,p95", csv[0]);
        Assert.All(csv, line => Assert.Equal(11, line.Split(',').Length));
        Assert.All(ids, id => Assert.Contains(csv, l => l.StartsWith($"{id},", StringComparison.Ordinal) && l.Contains(",npv,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("?ids=", HttpStatusCode.BadRequest)]
    [InlineData("?ids=a,b,c,d", HttpStatusCode.BadRequest)]
    [InlineData("?ids=a,a", HttpStatusCode.BadRequest)]
    [InlineData("?ids=..%2F..%2Fetc", HttpStatusCode.BadRequest)]
    [InlineData("?ids=%E2%9C%93", HttpStatusCode.BadRequest)]
    [InlineData("?ids=nosuchrun1", HttpStatusCode.NotFound)]
    public async Task Bad_ids_to_compare_get_400_or_404_never_a_server_error(string query, HttpStatusCode expected)
    {
        foreach (var path in new[] { "/api/scenarios/compare", "/api/scenarios/compare/brief", "/api/scenarios/compare/kpis.csv" })
        {
            var response = await _client.GetAsync(path + query);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (expected == HttpStatusCode.BadRequest)
                Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ids", out _));
        }
    }

    [Fact]
    public async Task An_unpublished_run_is_not_compared_for_a_viewer()
    {
        var id = await StartAsync(Run("Private compare", "led-retrofit", horizonHours: 2));
        await WaitForAsync(id, "completed");
        using var viewer = app.CreateClientAs(Roles.Viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/scenarios/compare?ids={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/scenarios/compare?ids={id}")).StatusCode);
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private async Task<JsonElement> ResultsAsync(string id)
    {
        await WaitForAsync(id, "completed");
        return await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
    }

    private async Task<string> StartAsync(object definition)
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", definition);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<JsonElement> WaitForAsync(string id, string status) =>
        TwinAppFactory.PollAsync<JsonElement>(_client, $"/api/scenarios/{id}", s => s.GetProperty("status").GetString() == status, TimeSpan.FromSeconds(240));
}
