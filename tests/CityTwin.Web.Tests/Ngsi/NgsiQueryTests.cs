using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests.Ngsi;

/// <summary>
/// Entity queries — type, id, idPattern, attrs, q, every georel, paging — checked against what the
/// city catalog says independently (positions, kinds, codes), not against the server's own answers.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class NgsiQueryTests(TwinAppFactory app)
{
    private readonly HttpClient _client = app.CreateClient();
    private readonly CityCatalog _catalog = app.Services.GetRequiredService<CityCatalog>();

    [Fact]
    public async Task Type_lists_id_lists_and_id_patterns_select_exactly_those_entities()
    {
        // Served in catalogue order (streetlights, then air): a page across the seam has both.
        var both = await _client.EntitiesAsync($"type=AirQualityObserved,Streetlight&limit=10&offset={_catalog.CountOf(AssetKind.StreetlightCircuit) - 5}");
        Assert.Equal(["AirQualityObserved", "Streetlight"], both.Select(e => e.GetProperty("type").GetString()).Distinct().Order());
        Assert.Equal(_catalog.CountOf(AssetKind.StreetlightCircuit) + _catalog.CountOf(AssetKind.AirQualityStation),
            await _client.CountAsync("type=Streetlight,AirQualityObserved"));
        Assert.Equal(_catalog.CountOf(AssetKind.TrafficDetector) + _catalog.CountOf(AssetKind.RoadSegment), await _client.CountAsync("type=TrafficFlowObserved"));
        Assert.Equal(0, await _client.CountAsync("type=Building"));

        var pick = _catalog.Assets.Where(a => a.Kind == AssetKind.FloodSensor).Skip(3).Take(2).Select(a => $"urn:ngsi-ld:FloodMonitoring:{a.Id}")
            .Append($"urn:ngsi-ld:AirQualityObserved:{_catalog.Assets.First(a => a.Kind == AssetKind.AirQualityStation).Id}").ToList();
        var byId = await _client.EntitiesAsync($"id={string.Join(',', pick)}");
        Assert.Equal(pick.Order(), byId.Ids().Order());

        var dong = _catalog.Dongs[5].Code;
        var pattern = await _client.EntitiesAsync($"type=EVChargingStation&idPattern={Uri.EscapeDataString($"^urn:ngsi-ld:EVChargingStation:ev-{dong}-")}&limit=1000");
        Assert.Equal(_catalog.Assets.Where(a => a.Kind == AssetKind.EvCharger && a.DongCode == dong).Select(a => $"urn:ngsi-ld:EVChargingStation:{a.Id}").Order(), pattern.Ids().Order());
        Assert.NotEmpty(pattern);
    }

    [Fact]
    public async Task Attrs_keep_only_the_attributes_asked_for_and_only_entities_that_have_one()
    {
        var answer = await _client.EntitiesAsync("type=FloodMonitoring,WeatherObserved&attrs=currentLevel,dangerLevel&limit=20");
        Assert.NotEmpty(answer);
        foreach (var e in answer)
        {
            Assert.Equal("FloodMonitoring", e.GetProperty("type").GetString());
            Assert.Subset(new HashSet<string> { "id", "type", "currentLevel", "dangerLevel" }, e.EnumerateObject().Select(p => p.Name).ToHashSet());
            Assert.Equal(30, e.Value("dangerLevel").GetDouble());
        }
        var weather = await _client.EntitiesAsync("type=WeatherObserved&attrs=temperature,location");
        Assert.Equal(["id", "type", "temperature", "location"], weather.Single().EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Q_compares_numbers_strings_and_booleans_with_and_or_and_parentheses()
    {
        var lit = await _client.EntitiesAsync("type=Streetlight&q=powerConsumption>0;status==%22ok%22&options=keyValues&limit=200");
        Assert.All(lit, e => Assert.True(e.GetProperty("powerConsumption").GetDouble() > 0 && e.GetProperty("status").GetString() == "ok"));
        var all = await _client.CountAsync("type=Streetlight");
        var on = await _client.CountAsync("type=Streetlight&q=powerState==%22on%22");
        var off = await _client.CountAsync("type=Streetlight&q=powerState!=%22on%22");
        Assert.Equal(all, on + off);
        Assert.Equal(all, await _client.CountAsync("type=Streetlight&q=powerState==%22on%22|powerState==%22off%22"));
        Assert.Equal(all, await _client.CountAsync("type=Streetlight&q=powerState==%22on%22,%22off%22"));

        var gu = _catalog.Districts[2].Code;
        var guKpis = await _client.EntitiesAsync($"type=KeyPerformanceIndicator&q=areaLevel==%22gu%22;(kpiName==%22pm25%22|kpiName==%22assets%22)&options=keyValues&limit=100");
        Assert.Equal(_catalog.Districts.Count * 2, guKpis.Length);
        var assets = guKpis.Single(e => e.GetProperty("areaCode").GetString() == gu && e.GetProperty("kpiName").GetString() == "assets");
        Assert.Equal($"urn:ngsi-ld:KeyPerformanceIndicator:gu-{gu}-assets", assets.GetProperty("id").GetString());

        var ranged = await _client.EntitiesAsync("type=AirQualityObserved&q=pm25==5..40&options=keyValues&limit=1000");
        Assert.All(ranged, e => Assert.InRange(e.GetProperty("pm25").GetDouble(), 5, 40));
        var synthetic = await _client.CountAsync("type=AirQualityObserved&q=synthetic==true");
        Assert.Equal(_catalog.Assets.Count(a => a.Kind == AssetKind.AirQualityStation && a.Synthetic), synthetic);
        var pattern = await _client.EntitiesAsync("type=Alert&q=ruleId=~%22^stale%22&options=keyValues&limit=100");
        Assert.All(pattern, e => Assert.StartsWith("stale", e.GetProperty("ruleId").GetString()));
        Assert.Equal(await _client.CountAsync("type=Streetlight&q=lampsOut"), await _client.CountAsync("type=Streetlight&q=lampsOut>=0"));
    }

    [Fact]
    public async Task Near_returns_exactly_the_assets_within_the_distance()
    {
        var centre = _catalog.Assets.First(a => a.Kind == AssetKind.StreetlightCircuit && a.GuCode == _catalog.Districts[0].Code);
        const double max = 1500;
        var coords = $"[{centre.Lon.ToString(CultureInfo.InvariantCulture)},{centre.Lat.ToString(CultureInfo.InvariantCulture)}]";
        var answer = await _client.EntitiesAsync($"type=Streetlight&georel={Uri.EscapeDataString($"near;maxDistance=={max}")}&geometry=Point&coords={Uri.EscapeDataString(coords)}&limit=1000&options=keyValues");
        var returned = answer.Ids().ToHashSet();
        var lights = _catalog.Assets.Where(a => a.Kind == AssetKind.StreetlightCircuit).ToList();
        // The server measures on the WGS84 ellipsoid, this test on a sphere (they differ by under 0.5 %):
        // inside 99 % of the distance surely returned, beyond 101 % surely not.
        foreach (var a in lights)
        {
            var d = NgsiClient.Metres(centre.Lon, centre.Lat, a.Lon, a.Lat);
            var urn = $"urn:ngsi-ld:Streetlight:{a.Id}";
            if (d < max * 0.99) Assert.Contains(urn, returned);
            if (d > max * 1.01) Assert.DoesNotContain(urn, returned);
        }
        Assert.Contains($"urn:ngsi-ld:Streetlight:{centre.Id}", returned);

        var far = await _client.CountAsync($"type=Streetlight&georel={Uri.EscapeDataString($"near;minDistance=={max}")}&geometry=Point&coords={Uri.EscapeDataString(coords)}");
        Assert.InRange(far + returned.Count, lights.Count - 2, lights.Count + 2);
    }

    [Fact]
    public async Task Within_intersects_and_disjoint_split_the_city_by_a_polygon()
    {
        var (w, s, e, n) = (126.62, 37.38, 126.68, 37.42);
        var box = $"[[[{w},{s}],[{e},{s}],[{e},{n}],[{w},{n}],[{w},{s}]]]";
        string Geo(string rel) => $"georel={rel}&geometry=Polygon&coords={Uri.EscapeDataString(box)}";

        var inside = _catalog.Assets.Where(a => a.Kind == AssetKind.AirQualityStation && a.Lon > w && a.Lon < e && a.Lat > s && a.Lat < n)
            .Select(a => $"urn:ngsi-ld:AirQualityObserved:{a.Id}").Order().ToList();
        Assert.NotEmpty(inside);
        Assert.Equal(inside, (await _client.EntitiesAsync($"type=AirQualityObserved&{Geo("within")}&limit=1000")).Ids().Order());
        Assert.Equal(inside, (await _client.EntitiesAsync($"type=AirQualityObserved&{Geo("intersects")}&limit=1000")).Ids().Order());
        var disjoint = await _client.EntitiesAsync($"type=AirQualityObserved&{Geo("disjoint")}&limit=1000");
        Assert.Equal(_catalog.CountOf(AssetKind.AirQualityStation) - inside.Count, disjoint.Length);
        Assert.Empty(disjoint.Ids().Intersect(inside));

        // Areas: a point inside a dong intersects that dong's, its gu's and the city's KPIs.
        var dong = _catalog.Dongs.First(d => d.Boundary.Area > 1e-5);
        var p = dong.Boundary.InteriorPoint;
        var point = $"[{p.X.ToString(CultureInfo.InvariantCulture)},{p.Y.ToString(CultureInfo.InvariantCulture)}]";
        var areas = await _client.EntitiesAsync($"type=KeyPerformanceIndicator&q=kpiName==%22assets%22&georel=intersects&geometry=Point&coords={Uri.EscapeDataString(point)}&options=keyValues");
        var codes = areas.Select(a => a.GetProperty("areaCode").GetString()).ToList();
        Assert.Contains(dong.Code, codes);
        Assert.Contains(dong.GuCode, codes);
        Assert.Contains(_catalog.Id, codes);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_and_count_tells_the_total()
    {
        const string query = "type=Streetlight,FloodMonitoring&options=keyValues&attrs=name";
        var whole = (await _client.EntitiesAsync($"{query}&limit=21&offset=1190")).Ids().ToList();
        var pages = new List<string>();
        for (var offset = 1190; offset < 1211; offset += 7) pages.AddRange((await _client.EntitiesAsync($"{query}&limit=7&offset={offset}")).Ids());
        Assert.Equal(21, whole.Count);
        Assert.Equal(whole, pages);
        Assert.Equal(20, (await _client.EntitiesAsync(query)).Length);
        Assert.Equal(_catalog.CountOf(AssetKind.StreetlightCircuit) + _catalog.CountOf(AssetKind.FloodSensor), await _client.CountAsync(query));
        var beyond = await _client.EntitiesAsync($"{query}&offset=1000000");
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task One_entity_by_id_is_the_one_the_query_gives()
    {
        var listed = (await _client.EntitiesAsync("type=WaterObserved&limit=1&offset=5"))[0];
        var id = listed.GetProperty("id").GetString()!;
        var one = await _client.GetFromJsonAsync<JsonElement>($"{NgsiClient.Prefix}/entities/{Uri.EscapeDataString(id)}?attrs=flow,name&options=keyValues");
        Assert.Equal(id, one.GetProperty("id").GetString());
        Assert.Equal(listed.Value("name").GetString(), one.GetProperty("name").GetString());
        Assert.False(one.TryGetProperty("location", out _));
    }
}
