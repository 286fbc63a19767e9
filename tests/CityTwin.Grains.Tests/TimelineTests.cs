using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains.Tests;

/// <summary>A jump of the city clock: a dong follows a newer timeline, drops an abandoned one, and still drops late messages within one.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class TimelineTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task A_newer_timeline_is_applied_even_when_earlier_late_messages_within_it_and_the_abandoned_timeline_are_dropped()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.TimeJump;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var lights = catalog.Pick(dongCode, AssetKind.StreetlightCircuit, 2);
        var (light, silent) = (lights[0], lights[1]);
        var t0 = TestCatalog.Local(2025, 12, 1, 10);
        var back = t0.AddHours(-3);

        await dong.IngestAsync(new TelemetryBatch(t0, [new AssetReading(light.Id, [1, 100, 0]), new AssetReading(silent.Id, [1, 100, 0])], Timeline: 3));
        await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(1), [new AssetReading(light.Id, [1.5, 100, 0]), new AssetReading(silent.Id, [1, 100, 0])], Timeline: 3));

        // The trainer jumps three hours back: timeline 4 starts there and is applied.
        var jumped = await dong.IngestAsync(new TelemetryBatch(back, [new AssetReading(light.Id, [4, 100, 0])], Timeline: 4));
        Assert.Equal(1, jumped.Accepted);
        var afterJump = await dong.RequireAssetAsync(light.Id);
        Assert.Equal([4, 100, 0], afterJump.Values);
        Assert.Equal(back, afterJump.UpdatedAt);

        // Within timeline 4 an older reading is still late.
        await dong.IngestAsync(new TelemetryBatch(back.AddMinutes(-5), [new AssetReading(light.Id, [9, 100, 0])], Timeline: 4));
        Assert.Equal(new double[] { 4, 100, 0 }, (await dong.RequireAssetAsync(light.Id)).Values);

        // A batch still in flight from timeline 3 belongs to a future that no longer happens.
        var abandoned = await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(2), [new AssetReading(light.Id, [7, 100, 0])], Timeline: 3));
        Assert.Equal(0, abandoned.Accepted);
        Assert.Equal(new double[] { 4, 100, 0 }, (await dong.RequireAssetAsync(light.Id)).Values);

        // Unstamped readings (a feed that knows no simulated clock) belong to the current timeline.
        await dong.IngestAsync(new TelemetryBatch(back.AddMinutes(1), [new AssetReading(light.Id, [5, 100, 0])]));
        Assert.Equal(new double[] { 5, 100, 0 }, (await dong.RequireAssetAsync(light.Id)).Values);

        // Staleness counts from the jump: the silent light, last heard in timeline 3 "at 10:00",
        // goes offline 15 simulated minutes after the jump rather than never (before 10:15).
        Assert.NotEqual(AssetStatus.Offline, (await dong.RequireAssetAsync(silent.Id)).Status);
        await dong.IngestAsync(new TelemetryBatch(back.AddMinutes(16), [new AssetReading(light.Id, [5, 100, 0])], Timeline: 4));
        Assert.Equal(AssetStatus.Offline, (await dong.RequireAssetAsync(silent.Id)).Status);

        // History is cut at the jump: 10:00 and 10:01 of timeline 3 are gone, 07:00 on is timeline 4.
        var series = await dong.GetAssetSeriesAsync(light.Id, new HistoryQuery(back.AddHours(-1), t0.AddHours(1), 1));
        Assert.NotNull(series);
        Assert.Equal([back, back.AddMinutes(1), back.AddMinutes(16)], series.Points.Select(p => p.At));
        Assert.Equal([4f, 5f, 5f], series.Points.Select(p => p.Mean[0]));
        var kpis = await dong.GetKpiSeriesAsync(new HistoryQuery(back.AddHours(-1), t0.AddHours(1), 1));
        Assert.All(kpis.Points, p => Assert.True(p.At < t0, $"KPI row at {p.At} is from the abandoned timeline"));
        Assert.NotEmpty(kpis.Points);
    }
}
