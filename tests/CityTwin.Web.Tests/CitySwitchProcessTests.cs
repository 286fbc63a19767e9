using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;
using CityTwin.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CityTwin.Web.Tests;

/// <summary>
/// A real switch in a real process: the app starts on Incheon, an admin switches it to an imported
/// city and back, and the process (same pid) runs each city whole — live areas over SignalR, its
/// time zone, its own durable store — and comes back on the chosen city after a restart.
/// </summary>
public sealed class CitySwitchProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task An_admin_switches_the_twin_to_an_imported_city_and_back_in_the_same_process()
    {
        using var files = new ImportFixtures();
        var packs = files.PathOf("installed");
        files.WritePack(packs, "harbourton", "Harbourton", CityPackLocator.Find("incheon"));
        var data = files.PathOf("data");
        var settings = new Dictionary<string, string> { ["Cities:PacksPath"] = packs, ["Clock:Speed"] = "10" };
        var port = FreePort.Next();

        await using (var twin = TwinProcess.Start(data, settings, port))
        {
            await twin.WaitForCityAsync("incheon", StartTimeout);
            using var admin = await twin.SignInAdminAsync();
            // Something users set in Incheon, kept in Incheon's store.
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock", new { speed = 37 })).StatusCode);

            var switching = new ConcurrentQueue<JsonElement>();
            await using var watcher = await ConnectAsync(twin.Url, _ => { });
            watcher.On<JsonElement>("citySwitching", f => switching.Enqueue(f));

            var watch = Stopwatch.StartNew();
            var response = await admin.PostAsJsonAsync("/api/cities/harbourton/activate", new { });
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{twin.Tail()}");
            var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("harbourton", accepted.GetProperty("id").GetString());
            Assert.Equal("incheon", accepted.GetProperty("from").GetString());
            Assert.Equal(4, accepted.GetProperty("dongs").GetInt32());

            // Every open map is told before the host stops.
            await Wait.UntilAsync(() => !switching.IsEmpty, TimeSpan.FromSeconds(30), "the citySwitching message");
            Assert.Equal("harbourton", switching.First().GetProperty("id").GetString());
            Assert.Equal("Harbourton", switching.First().GetProperty("names").GetProperty("en").GetString());

            var city = await twin.WaitForCityAsync("harbourton", StartTimeout);
            // A figure for the README, not an assertion: the machine's load decides it.
            output.WriteLine($"incheon → harbourton: {watch.Elapsed.TotalSeconds:0.0} s from the request to the new city live");
            Assert.False(twin.HasExited);
            Assert.Equal("Asia/Ulaanbaatar", city.GetProperty("timeZone").GetString());
            Assert.Equal(4, city.GetProperty("dongCount").GetInt32());
            await AssertLiveAreasAsync(twin.Url, ImportFixtures.Dongs.Select(d => d.Code).ToHashSet(), city);

            // Harbourton has its own store: Incheon's clock setting is not there.
            var clock = await admin.GetFromJsonAsync<JsonElement>("/api/clock");
            Assert.Equal(10, clock.GetProperty("speed").GetDouble());
            Assert.True(File.Exists(Path.Combine(data, "citytwin-harbourton.db")), "no store of its own for harbourton");
            Assert.True(File.Exists(Path.Combine(data, "citytwin.db")));

            var cities = await admin.GetFromJsonAsync<JsonElement>("/api/cities");
            Assert.Equal("harbourton", Assert.Single(cities.EnumerateArray(), c => c.GetProperty("running").GetBoolean()).GetProperty("id").GetString());
            // The way back stays listed although the running pack is not beside the shipped ones.
            Assert.Contains(cities.EnumerateArray(), c => c.GetProperty("id").GetString() == "incheon");

            // Same process: only the host inside it was rebuilt.
            await twin.StopAsync(TimeSpan.FromSeconds(60));
        }

        // A restart of the process comes back on the city chosen last.
        await using (var again = TwinProcess.Start(data, settings, port))
        {
            await again.WaitForCityAsync("harbourton", StartTimeout);
            using var admin = await again.SignInAdminAsync();
            var watch = Stopwatch.StartNew();
            var back = await admin.PostAsJsonAsync("/api/cities/incheon/activate", new { });
            Assert.True(back.StatusCode == HttpStatusCode.Accepted, $"{back.StatusCode}: {await back.Content.ReadAsStringAsync()}");

            var city = await again.WaitForCityAsync("incheon", StartTimeout);
            output.WriteLine($"harbourton → incheon: {watch.Elapsed.TotalSeconds:0.0} s from the request to the new city live");
            Assert.Equal("Asia/Seoul", city.GetProperty("timeZone").GetString());
            var incheonDongs = CityPackLoader.Load(CityPackLocator.Find("incheon")).Dongs.Select(d => d.Code).ToHashSet();
            await AssertLiveAreasAsync(again.Url, incheonDongs, city);
            // Incheon's store again, with what was set there before the switch.
            using var admin2 = await again.SignInAdminAsync();
            Assert.Equal(37, (await admin2.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("speed").GetDouble());

            var audit = await admin2.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=city.switch");
            var targets = audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "city.switch")
                .Select(e => e.GetProperty("target").GetString()).ToList();
            Assert.Contains("harbourton", targets);
            Assert.Contains("incheon", targets);
        }
    }

    /// <summary>A new SignalR client on the running city receives live KPIs of that city's dongs (and no other's).</summary>
    private static async Task AssertLiveAreasAsync(Uri url, IReadOnlySet<string> dongCodes, JsonElement city)
    {
        var dongs = new ConcurrentBag<string>();
        await using var connection = await ConnectAsync(url, c => c.On<HubClient.AreaItem[]>("districts", items =>
        {
            foreach (var item in items.Where(i => i.Level == "dong")) dongs.Add(item.Code);
        }));
        var bbox = city.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        await connection.InvokeAsync("Subscribe", new { bbox, zoom = 11 });
        await Wait.UntilAsync(() => !dongs.IsEmpty, TimeSpan.FromSeconds(60), "live dong KPIs of the running city");
        Assert.All(dongs, code => Assert.Contains(code, dongCodes));
    }

    private static async Task<HubConnection> ConnectAsync(Uri url, Action<HubConnection> handlers)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(url, "/hubs/twin")).Build();
        handlers(connection);
        await connection.StartAsync();
        return connection;
    }
}
