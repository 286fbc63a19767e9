using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>The app as shipped: the clock at real time (speed 1), the simulator at its default tick.</summary>
public sealed class RealTimeHost : IAsyncLifetime
{
    /// <summary>Before anything in this host existed: every reading it makes is stamped later.</summary>
    public long StartedMs { get; } = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public TwinAppFactory App { get; } = TwinAppFactory.Create(new TwinAppOptions { FastClock = false, QuietLogs = true });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>
/// Simulated time and wall-clock time side by side, end to end: at speed 1 the twin's clock never
/// shows a time the wall clock has not reached yet, and every <c>assets</c> frame carries the
/// wall-clock instant its readings entered the twin.
/// </summary>
public sealed class HonestTimeTests(RealTimeHost host) : IClassFixture<RealTimeHost>
{
    private static readonly double[] Songdo = [126.625, 37.385, 126.645, 37.400];

    [Fact]
    public async Task At_speed_1_the_simulated_clock_never_runs_ahead_of_the_wall_clock_over_many_ticks()
    {
        using var http = host.App.CreateHttpClient();
        var seen = new HashSet<DateTimeOffset>();
        var watch = Stopwatch.StartNew();
        while (seen.Count < 8 && watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            var clock = await http.GetFromJsonAsync<JsonElement>("/api/clock");
            var wall = DateTimeOffset.UtcNow;
            var simTime = DateTimeOffset.Parse(clock.GetProperty("simTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(1, clock.GetProperty("speed").GetDouble());
            Assert.True(simTime <= wall, $"simulated {simTime:O} is ahead of the wall clock {wall:O}");
            seen.Add(simTime);
            await Task.Delay(100);
        }
        Assert.True(seen.Count >= 8, $"the clock moved only {seen.Count} times in {watch.Elapsed}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Asset_frames_carry_the_wall_clock_instant_beside_simulated_time(bool messagePack)
    {
        await using var client = await HubClient.ConnectAsync(host.App, messagePack);
        await client.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        await client.WaitUntilAsync(() => client.AssetStamps.Count >= 3, TimeSpan.FromSeconds(60), "three asset frames");

        foreach (var (wallTs, receivedMs, items) in client.AssetStamps)
        {
            // Stamped by this host, at or before the frame arrived: a wall-clock instant, not simulated time.
            Assert.InRange(wallTs, host.StartedMs, receivedMs);
            // At speed 1 no item's simulated time is past the wall clock either.
            Assert.All(items, i => Assert.True(i.Ts <= receivedMs, $"{i.Id}: simulated {i.Ts} after receipt {receivedMs}"));
        }
    }
}
