using CityTwin.Abstractions.Grains;

namespace CityTwin.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class ClockTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task Clock_advances_by_speed_stands_still_when_paused_and_rejects_bad_speeds()
    {
        var city = fx.Client.GetGrain<ICityGrain>(fx.Catalog.Id);
        var start = TestCatalog.Local(2025, 6, 1, 12);

        var set = await city.SetTimeAsync(start);
        Assert.Equal(start, set.SimTime);
        await city.SetClockAsync(60, false);

        var advanced = await city.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(start.AddSeconds(60), advanced.SimTime);
        Assert.Equal(60, advanced.Speed);
        Assert.False(advanced.Paused);

        var paused = await city.SetClockAsync(null, true);
        Assert.True(paused.Paused);
        Assert.Equal(60, paused.Speed); // null leaves the speed alone
        var still = await city.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(start.AddSeconds(60), still.SimTime);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => city.SetClockAsync(0, null));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => city.SetClockAsync(1000, null));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => city.SetClockAsync(double.NaN, null));
        var unchanged = await city.GetClockAsync();
        Assert.Equal(60, unchanged.Speed);
        Assert.True(unchanged.Paused);
        Assert.Equal(start.AddSeconds(60), unchanged.SimTime);

        var jump = TestCatalog.Local(2026, 1, 1, 0);
        Assert.Equal(jump, (await city.SetTimeAsync(jump)).SimTime);
        Assert.Equal(jump, (await city.GetClockAsync()).SimTime);

        var resumed = await city.SetClockAsync(null, false);
        Assert.False(resumed.Paused);
        Assert.Equal(jump.AddSeconds(120), (await city.AdvanceAsync(TimeSpan.FromSeconds(2))).SimTime);
    }
}
