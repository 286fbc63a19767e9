using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

[Collection(TwinCollection.Name)]
public sealed class ApiTests(TwinAppFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Health_is_live_once_the_twin_runs()
    {
        var doc = await _client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("live", doc.GetProperty("status").GetString());
        Assert.True(doc.GetProperty("assets").GetInt32() >= 20_000);
    }

    [Fact]
    public async Task City_describes_extent_clock_counts_and_attribution()
    {
        var city = await _client.GetFromJsonAsync<JsonElement>("/api/city");
        Assert.Equal("incheon", city.GetProperty("id").GetString());
        Assert.Equal("인천광역시", city.GetProperty("names").GetProperty("ko").GetString());
        Assert.Equal("Incheon", city.GetProperty("names").GetProperty("en").GetString());
        Assert.Equal("Asia/Seoul", city.GetProperty("timeZone").GetString());
        Assert.Equal("ko-KR", city.GetProperty("locale").GetString());
        Assert.False(city.TryGetProperty("nameEn", out _));
        Assert.Equal(4, city.GetProperty("bbox").GetArrayLength());
        Assert.Equal(10, city.GetProperty("districtCount").GetInt32());
        Assert.Equal(155, city.GetProperty("dongCount").GetInt32());
        var counts = city.GetProperty("assetCounts");
        Assert.Equal(7654, counts.GetProperty("building").GetInt32());
        Assert.Equal(6299, counts.GetProperty("road").GetInt32());
        Assert.True(counts.EnumerateObject().Sum(p => p.Value.GetInt32()) >= 20_000);
        Assert.Contains(city.GetProperty("attribution").EnumerateArray(), a => a.GetString()!.Contains("OpenStreetMap"));
        Assert.True(DateTimeOffset.TryParse(city.GetProperty("clock").GetProperty("simTime").GetString(), out _));
    }

    [Fact]
    public async Task Districts_list_all_ten_gu_with_kpis()
    {
        var districts = await app.PollAsync<JsonElement>("/api/districts",
            d => d.EnumerateArray().All(x => x.GetProperty("kpis").GetProperty("assets").GetDouble() > 0));
        Assert.Equal(10, districts.GetArrayLength());
        var yeonsu = districts.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "28185");
        Assert.Equal("Yeonsu-gu", yeonsu.GetProperty("nameEn").GetString());
        Assert.Equal("연수구", yeonsu.GetProperty("nameKo").GetString());
        foreach (var key in new[] { "congestionIndex", "pm25", "electricLoadMw", "streetlightKw", "floodMaxCm", "assetsInAlarm" })
            Assert.True(yeonsu.GetProperty("kpis").TryGetProperty(key, out _), $"missing KPI {key}");
        // Songdo's real roads are in Yeonsu-gu: traffic is flowing there.
        Assert.True(yeonsu.GetProperty("kpis").GetProperty("congestionIndex").GetDouble() > 0);
    }

    [Fact]
    public async Task District_detail_has_its_dongs_and_unknown_codes_are_404()
    {
        var d = await _client.GetFromJsonAsync<JsonElement>("/api/districts/28185");
        Assert.Equal("28185", d.GetProperty("code").GetString());
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        Assert.Equal(catalog.DongsOf("28185").Count(), d.GetProperty("dongs").GetArrayLength());
        Assert.True(d.GetProperty("population").GetInt32() > 0);

        var missing = await _client.GetAsync("/api/districts/99999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/dongs/0000000000")).StatusCode);
        var dong = await _client.GetFromJsonAsync<JsonElement>("/api/dongs/" + catalog.Dongs[0].Code);
        Assert.Equal(catalog.Dongs[0].GuCode, dong.GetProperty("guCode").GetString());
    }

    [Fact]
    public async Task Assets_in_a_bbox_are_valid_geojson_inside_the_box()
    {
        const double w = 126.62, s = 37.37, e = 126.68, n = 37.41;
        var fc = await _client.GetFromJsonAsync<JsonElement>($"/api/assets?bbox={w},{s},{e},{n}&limit=500");
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        var features = fc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(500, features.Count);
        var ids = new HashSet<string>();
        foreach (var f in features)
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            Assert.True(ids.Add(f.GetProperty("id").GetString()!), "feature ids must be unique");
            var geometry = f.GetProperty("geometry");
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var lon = geometry.GetProperty("coordinates")[0].GetDouble();
            var lat = geometry.GetProperty("coordinates")[1].GetDouble();
            Assert.InRange(lon, w, e);
            Assert.InRange(lat, s, n);
            Assert.Contains(f.GetProperty("properties").GetProperty("status").GetString(), new[] { "ok", "warning", "alarm", "offline" });
            Assert.False(string.IsNullOrEmpty(f.GetProperty("properties").GetProperty("kind").GetString()));
        }
    }

    [Fact]
    public async Task Kind_filter_returns_only_that_kind()
    {
        var fc = await _client.GetFromJsonAsync<JsonElement>("/api/assets?kind=air&limit=50000");
        var features = fc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(app.Services.GetRequiredService<CityCatalog>().CountOf(Abstractions.Assets.AssetKind.AirQualityStation), features.Count);
        Assert.All(features, f => Assert.Equal("air", f.GetProperty("properties").GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("bbox=1,2,3")]
    [InlineData("bbox=a,b,c,d")]
    [InlineData("bbox=126.7,37.4,126.6,37.5")]
    [InlineData("bbox=126.6,37.5,126.7,37.4")]
    [InlineData("bbox=-200,0,10,10")]
    [InlineData("bbox=NaN,0,10,10")]
    [InlineData("bbox=")]
    [InlineData("kind=spaceship")]
    [InlineData("limit=0")]
    [InlineData("limit=1000000")]
    public async Task Malformed_queries_get_400_problem_details(string query)
    {
        var response = await _client.GetAsync("/api/assets?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task One_asset_has_kind_place_telemetry_and_history()
    {
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var road = catalog.Assets.First(a => a.Kind == Abstractions.Assets.AssetKind.RoadSegment);
        var asset = await app.PollAsync<JsonElement>("/api/assets/" + road.Id,
            a => a.GetProperty("telemetry").EnumerateObject().Any() && a.GetProperty("history").GetArrayLength() > 0);
        Assert.Equal(road.Id, asset.GetProperty("id").GetString());
        Assert.Equal("road", asset.GetProperty("kind").GetString());
        Assert.Equal(road.DongCode, asset.GetProperty("dongCode").GetString());
        Assert.Equal(road.GuCode, asset.GetProperty("guCode").GetString());
        Assert.True(asset.GetProperty("telemetry").TryGetProperty("vc", out _));
        Assert.True(asset.GetProperty("attributes").TryGetProperty("capacityVph", out _));
        Assert.NotEqual(JsonValueKind.Null, asset.GetProperty("updatedAt").ValueKind);

        var building = catalog.Assets.First(a => a.Kind == Abstractions.Assets.AssetKind.Building);
        var b = await _client.GetFromJsonAsync<JsonElement>("/api/assets/" + building.Id);
        Assert.True(b.GetProperty("attributes").TryGetProperty("floorAreaM2", out _));

        var missing = await _client.GetAsync("/api/assets/road-99999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Layers_serve_the_city_geometry()
    {
        var districts = await _client.GetFromJsonAsync<JsonElement>("/api/layers/districts");
        Assert.Equal(10, districts.GetProperty("features").GetArrayLength());
        var dongs = await _client.GetFromJsonAsync<JsonElement>("/api/layers/dongs");
        Assert.Equal(155, dongs.GetProperty("features").GetArrayLength());
        var buildings = await _client.GetFromJsonAsync<JsonElement>("/api/layers/buildings");
        Assert.Equal(7654, buildings.GetProperty("features").GetArrayLength());
        var first = buildings.GetProperty("features")[0];
        Assert.Equal(first.GetProperty("id").GetString(), first.GetProperty("properties").GetProperty("id").GetString());
        Assert.Equal("Polygon", first.GetProperty("geometry").GetProperty("type").GetString());
        var sites = await _client.GetFromJsonAsync<JsonElement>("/api/layers/sites");
        Assert.Equal(8, sites.GetProperty("features").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/layers/nothing")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_and_api_page_are_served()
    {
        var doc = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/assets/{id}", out _));
        var page = await _client.GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Kinds_list_channels_and_rules()
    {
        var kinds = await _client.GetFromJsonAsync<JsonElement>("/api/kinds");
        var air = kinds.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "air");
        Assert.Equal("pm25", air.GetProperty("channels")[0].GetProperty("name").GetString());
        Assert.Contains(air.GetProperty("rules").EnumerateArray(), r => r.GetProperty("channel").GetString() == "pm25");
    }
}
