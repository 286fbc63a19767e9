using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>The history endpoints on the live twin: JSON and CSV of the same series, and 400s naming the field.</summary>
[Collection(TwinCollection.Name)]
public sealed class HistoryApiTests(TwinAppFactory app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Asset_and_area_history_fill_minute_by_minute_and_the_csv_holds_the_same_rows()
    {
        var geo = await _client.GetFromJsonAsync<JsonElement>("/api/assets?bbox=126.60,37.36,126.70,37.42&kind=substation&limit=1");
        var id = geo.GetProperty("features")[0].GetProperty("id").GetString()!;

        // The test clock runs at 60×: a simulated minute passes every second or so.
        var series = await Wait.ForAsync(() => _client.GetFromJsonAsync<JsonElement>($"/api/assets/{id}/history"),
            h => h.GetProperty("points").GetArrayLength() >= 3, Patience, "three minutes of asset history", TimeSpan.FromMilliseconds(500));
        Assert.Equal(id, series.GetProperty("id").GetString());
        Assert.Equal(1, series.GetProperty("stepMinutes").GetInt32());
        Assert.Equal(["load_mw", "loading_pct"], series.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var times = series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.Equal(0, t.Second));
        var first = series.GetProperty("points")[0];
        Assert.Equal(first.GetProperty("mean")[0].GetDouble(), first.GetProperty("min")[0].GetDouble());

        var from = Uri.EscapeDataString(times[0].ToString("O"));
        var to = Uri.EscapeDataString(times[^1].ToString("O"));
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/assets/{id}/history?from={from}&to={to}&step=60");
        var csvResponse = await _client.GetAsync($"/api/assets/{id}/history.csv?from={from}&to={to}&step=1m");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var lines = (await csvResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,load_mw,load_mw_min,load_mw_max,loading_pct,loading_pct_min,loading_pct_max", lines[0]);
        Assert.Equal(json.GetProperty("points").GetArrayLength(), lines.Length - 1);
        var viaFormat = await _client.GetStringAsync($"/api/assets/{id}/history?from={from}&to={to}&step=1m&format=csv");
        Assert.Equal(string.Join('\n', lines) + "\n", viaFormat);

        // Areas: the KPI columns; a 15-minute step summarises the minutes (min ≤ mean ≤ max).
        foreach (var url in new[] { "/api/dongs/2818563000/history", "/api/districts/28185/history", "/api/city/history" })
        {
            var area = await Wait.ForAsync(() => _client.GetFromJsonAsync<JsonElement>(url),
                h => h.GetProperty("points").GetArrayLength() >= 2, Patience, $"{url} filling", TimeSpan.FromMilliseconds(500));
            Assert.Contains("streetlightKw", area.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            var quarter = await _client.GetFromJsonAsync<JsonElement>(url + "?step=15m");
            Assert.Equal(15, quarter.GetProperty("stepMinutes").GetInt32());
            foreach (var p in quarter.GetProperty("points").EnumerateArray())
                for (var c = 0; c < p.GetProperty("mean").GetArrayLength(); c++)
                {
                    var (min, mean, max) = (p.GetProperty("min")[c].GetDouble(), p.GetProperty("mean")[c].GetDouble(), p.GetProperty("max")[c].GetDouble());
                    Assert.True(min <= mean + 1e-6 && mean <= max + 1e-6, $"{url} column {c}: {min} ≤ {mean} ≤ {max}");
                }
        }
    }

    [Theory]
    [InlineData("/api/city/history?from=yesterday", "from")]
    [InlineData("/api/city/history?to=2026-13-01T00:00:00Z", "to")]
    [InlineData("/api/city/history?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("/api/city/history?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("/api/city/history?step=0", "step")]
    [InlineData("/api/city/history?step=90", "step")]
    [InlineData("/api/city/history?step=20m", "step")]
    [InlineData("/api/city/history?step=2d", "step")]
    [InlineData("/api/city/history?step=-1m", "step")]
    [InlineData("/api/city/history?step=NaN", "step")]
    [InlineData("/api/city/history?from=2026-11-25T00:00:00Z&to=2026-12-01T00:00:00Z&step=1m", "step")]
    [InlineData("/api/districts/28185/history?format=xml", "format")]
    [InlineData("/api/dongs/2818563000/history?step=1x", "step")]
    [InlineData("/api/assets/x/history?from=1", "from")]
    [InlineData("/api/replay", "t")]
    [InlineData("/api/replay?t=2001-01-01T00:00:00Z", "t")]
    [InlineData("/api/replay?t=2199-01-01T00:00:00Z&bbox=0,0,1,1", "t")]
    [InlineData("/api/replay?t=noon", "t")]
    public async Task Bad_history_queries_get_400_naming_the_field(string url, string field)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{url}: {problem}");
    }

    [Theory]
    [InlineData("/api/assets/streetlight-0000000000-999/history")]
    [InlineData("/api/dongs/0000000000/history")]
    [InlineData("/api/districts/99999/history.csv")]
    public async Task Unknown_things_have_no_history(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
    }
}
