using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Live;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.Telemetry;

namespace CityTwin.Grains.Tests;

/// <summary>
/// Simulated time and wall-clock time side by side: the city's clock at speed 1 never gets ahead
/// of the wall clock, and every reading carries the wall-clock instant it entered the twin.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class HonestTimeTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task At_speed_1_a_freshly_started_city_clock_never_runs_ahead_of_the_wall_clock()
    {
        // A city activated here and now: its start-up must not be counted into its simulated time.
        var city = fx.Client.GetGrain<ICityGrain>($"honest-{Guid.NewGuid():N}");
        var first = await city.GetClockAsync();
        Assert.Equal(1, first.Speed);
        Assert.False(first.Paused);
        Assert.True(first.SimTime <= DateTimeOffset.UtcNow, $"sim {first.SimTime:O} ahead of the wall clock at activation");

        var previous = first.SimTime;
        for (var tick = 0; tick < 60; tick++)
        {
            var clock = await city.AdvanceToNowAsync();
            var wall = DateTimeOffset.UtcNow;
            Assert.True(clock.SimTime <= wall, $"tick {tick}: sim {clock.SimTime:O} ahead of wall {wall:O}");
            Assert.True(clock.SimTime >= previous, $"tick {tick}: the clock went back");
            previous = clock.SimTime;
            await Task.Delay(5);
        }
        // It does run: the simulated time followed the wall time that passed.
        Assert.True(previous > first.SimTime);
    }

    [Fact]
    public async Task Now_follows_the_wall_clock_between_ticks_without_moving_the_clock()
    {
        var city = fx.Client.GetGrain<ICityGrain>($"honest-{Guid.NewGuid():N}");
        var start = await city.SetTimeAsync(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(9)));

        // Between ticks the clock's answer stays where it was; now moves on with the wall time, at the clock's speed.
        var wallBefore = DateTimeOffset.UtcNow;
        var first = await city.NowAsync();
        await Task.Delay(50);
        var second = await city.NowAsync();
        var wallAfter = DateTimeOffset.UtcNow;
        Assert.True(second.SimTime > first.SimTime, $"now did not move: {first.SimTime:O} then {second.SimTime:O}");
        Assert.True(second.SimTime - start.SimTime <= wallAfter - wallBefore + TimeSpan.FromSeconds(1), "now ran ahead of the wall time that passed");
        Assert.Equal(start.SimTime, (await city.GetClockAsync()).SimTime);
        Assert.Equal(start.Timeline, second.Timeline);

        // Paused, it stands still.
        await city.SetClockAsync(null, true);
        var paused = await city.NowAsync();
        await Task.Delay(50);
        Assert.Equal(paused.SimTime, (await city.NowAsync()).SimTime);
    }

    [Fact]
    public async Task At_speed_1_the_clock_stays_behind_the_wall_clock_across_changes_of_speed_and_pause()
    {
        var city = fx.Client.GetGrain<ICityGrain>($"honest-{Guid.NewGuid():N}");
        await city.SetTimeAsync(DateTimeOffset.UtcNow);
        for (var round = 0; round < 5; round++)
        {
            await city.SetClockAsync(1, true);
            var paused = await city.AdvanceToNowAsync();
            await Task.Delay(10);
            Assert.Equal(paused.SimTime, (await city.AdvanceToNowAsync()).SimTime);
            await city.SetClockAsync(1, false);
            for (var tick = 0; tick < 10; tick++)
            {
                var clock = await city.AdvanceToNowAsync();
                Assert.True(clock.SimTime <= DateTimeOffset.UtcNow, $"round {round}, tick {tick}: sim {clock.SimTime:O} ahead of the wall clock");
            }
        }
    }

    [Fact]
    public async Task A_reading_carries_its_wall_clock_instant_beside_its_simulated_time_to_the_live_feed()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.WallStamps;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var ours = catalog.AssetsInDong(dongCode).Select(a => a.Index).ToHashSet();
        var generator = new TelemetryGenerator(catalog, catalog.Seed, outageShare: 0);
        var feed = fx.Feed;
        var consumer = new RecordingConsumer();
        using var subscription = feed.Subscribe(consumer);

        List<AssetDelta> OurDeltas()
        {
            feed.Flush();
            return [.. consumer.Take().SelectMany(f => f.Assets).Where(d => ours.Contains(d.AssetIndex))];
        }

        // Stamped by the sender (the simulator, a feed): the stamp travels unchanged, beside the simulated time.
        var simTime = TestCatalog.Local(2025, 4, 2, 17);
        var wall = DateTimeOffset.UtcNow.AddSeconds(-3);
        var stamped = generator.GenerateDong(dongCode, generator.ConditionsAt(simTime)) with { WallTime = wall };
        Assert.Empty((await dong.IngestAsync(stamped)).Rejected);
        var first = OurDeltas();
        Assert.NotEmpty(first);
        Assert.All(first, d =>
        {
            Assert.Equal(wall.ToUnixTimeMilliseconds(), d.WallMs);
            Assert.Equal(simTime.ToUnixTimeMilliseconds(), d.TimestampMs);
        });

        // Unstamped (a direct call): the feed stamps it with the instant it arrives.
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var unstamped = generator.GenerateDong(dongCode, generator.ConditionsAt(simTime.AddMinutes(30)));
        Assert.Null(unstamped.WallTime);
        Assert.Empty((await dong.IngestAsync(unstamped)).Rejected);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var second = OurDeltas();
        Assert.NotEmpty(second);
        Assert.All(second, d => Assert.InRange(d.WallMs, before, after));
    }
}
