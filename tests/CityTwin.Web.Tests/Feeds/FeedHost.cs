using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using CityTwin.Web.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Tests.Feeds;

/// <summary>
/// The real app with its clock at real time (feeds stamp readings with the wall clock), a small
/// batch limit and a per-token rate window long enough to reach in a test. Each test takes its own
/// assets (<see cref="TakeAssets"/>) and its own feed token, so tests never see each other's readings.
/// </summary>
public sealed class FeedHost : IAsyncLifetime
{
    public const int MaxBatchItems = 100;
    public const int RequestsPerWindow = 20;

    private int _next;

    public TwinAppFactory App { get; } = TwinAppFactory.Create(new TwinAppOptions
    {
        FastClock = false,
        QuietLogs = true,
        Settings = new Dictionary<string, string>
        {
            ["Feeds:MaxBatchItems"] = MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:RequestsPerWindow"] = RequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:RateWindow"] = "01:00:00",
        },
    });

    public CityCatalog Catalog => App.Services.GetRequiredService<CityCatalog>();

    public FeedMetrics Metrics => App.Services.GetRequiredService<FeedMetrics>();

    public int MqttPort => App.Services.GetRequiredService<IOptions<FeedOptions>>().Value.Mqtt.Port;

    /// <summary>Flood sensors no other test uses: <paramref name="sameDong"/> in one dong, then one elsewhere.</summary>
    public IReadOnlyList<AssetDescriptor> TakeAssets(int sameDong)
    {
        var floods = Catalog.Assets.Where(a => a.Kind == AssetKind.FloodSensor).GroupBy(a => a.DongCode).Where(g => g.Count() >= sameDong).ToList();
        var index = Interlocked.Increment(ref _next);
        var group = floods[(index * 2) % floods.Count];
        var other = floods[(index * 2 + 1) % floods.Count];
        return [.. group.Take(sameDong), other.First()];
    }

    /// <summary>An HTTP client with a new feed token (granted by an admin), and that token.</summary>
    public async Task<(HttpClient Client, string Token)> FeedClientAsync()
    {
        var token = await App.CreateTokenForAsync(await App.CreateUserAsync(Roles.Admin), TokenScopes.Feed);
        var client = App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }

    /// <summary>Leaves <paramref name="assets"/> to the feed and waits until the simulator has ticked twice without them.</summary>
    public async Task LeaveToFeedAsync(params AssetDescriptor[] assets)
    {
        using var operatorClient = await App.CreateClientAsAsync(Roles.Operator);
        foreach (var a in assets)
        {
            var r = await operatorClient.PostAsJsonAsync("/api/simulation/sources", new { assetId = a.Id, simulated = false });
            r.EnsureSuccessStatusCode();
        }
        var ticks = (await operatorClient.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("simulatorTicks").GetInt64();
        await TwinAppFactory.PollAsync<JsonElement>(operatorClient, "/api/status", s => s.GetProperty("simulatorTicks").GetInt64() >= ticks + 2, TimeSpan.FromSeconds(60));
    }

    /// <summary>Polls the asset until <paramref name="accept"/> holds.</summary>
    public Task<JsonElement> PollAssetAsync(string id, Func<JsonElement, bool> accept) =>
        App.PollAsync($"/api/assets/{id}", accept, TimeSpan.FromSeconds(30));

    public static double Channel(JsonElement asset, string name) =>
        asset.GetProperty("telemetry").TryGetProperty(name, out var v) ? v.GetDouble() : double.NaN;

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FeedCollection : ICollectionFixture<FeedHost>
{
    public const string Name = "feeds";
}
