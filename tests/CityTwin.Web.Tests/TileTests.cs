using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Xunit.Abstractions;
using TileDef = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace CityTwin.Web.Tests;

/// <summary>The asset layers as Mapbox vector tiles: /api/tiles/{layer}/{z}/{x}/{y}.pbf.</summary>
[Collection(TwinCollection.Name)]
public sealed class TileTests(TwinAppFactory app, ITestOutputHelper output)
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>The XYZ tile holding a point (Web Mercator, y from the north).</summary>
    private static (int X, int Y) TileAt(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return (x, y);
    }

    [Theory]
    [InlineData("buildings", "building")]
    [InlineData("roads", "road")]
    [InlineData("assets", null)]
    public async Task A_Songdo_tile_decodes_to_catalog_assets(string layer, string? kind)
    {
        const int z = 14;
        var (x, y) = TileAt(126.64, 37.39, z);
        var response = await _client.GetAsync($"/api/tiles/{layer}/{z}/{x}/{y}.pbf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(bytes);

        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new TileDef(x, y, z));
        var decoded = Assert.Single(tile.Layers);
        Assert.Equal(layer, decoded.Name);
        Assert.NotEmpty(decoded.Features);
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        foreach (var f in decoded.Features)
        {
            var id = Assert.IsType<string>(f.Attributes["id"]);
            var asset = catalog.FindAsset(id);
            Assert.NotNull(asset);
            if (kind is not null) Assert.Equal(kind, f.Attributes["kind"]);
            else Assert.NotEqual("building", f.Attributes["kind"]);
        }
        if (layer == "buildings")
            Assert.Contains(decoded.Features, f => f.Attributes.Exists("heightM"));
        if (layer == "roads")
            Assert.All(decoded.Features, f => Assert.True(f.Attributes.Exists("roadClass") && f.Attributes.Exists("lanes")));
        output.WriteLine($"{layer} {z}/{x}/{y}: {decoded.Features.Count} features, {bytes.Length} bytes");
    }

    [Fact]
    public async Task Dense_tiles_are_small_and_served_from_memory_the_second_time()
    {
        // Measures rather than asserts tight numbers: reported in the test log for sizing.
        var (x, y) = TileAt(126.64, 37.39, 15);
        foreach (var layer in new[] { "buildings", "roads", "assets" })
        {
            var url = $"/api/tiles/{layer}/15/{x}/{y}.pbf";
            var watch = Stopwatch.StartNew();
            var first = await _client.GetByteArrayAsync(url);
            var cold = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var second = await _client.GetByteArrayAsync(url);
            var warm = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(first, second);
            Assert.True(first.Length < 1_000_000, $"{layer} tile is {first.Length} bytes");
            output.WriteLine($"{layer} 15/{x}/{y}: {first.Length} bytes, first {cold:0.0} ms, cached {warm:0.0} ms");
        }
    }

    [Fact]
    public async Task A_tile_in_the_open_sea_is_204()
    {
        var (x, y) = TileAt(124.0, 36.0, 14);
        var response = await _client.GetAsync($"/api/tiles/buildings/14/{x}/{y}.pbf");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("23/0/0", "z")]
    [InlineData("abc/0/0", "z")]
    [InlineData("14/16384/0", "x")]
    [InlineData("14/0/16384", "y")]
    [InlineData("14/-1/0", "x")]
    [InlineData("2/1/x", "y")]
    public async Task Bad_tile_coordinates_are_400_problem_details(string zxy, string field)
    {
        var response = await _client.GetAsync($"/api/tiles/roads/{zxy}.pbf");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task Unknown_tile_layer_is_404()
    {
        var response = await _client.GetAsync("/api/tiles/trees/14/0/0.pbf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
