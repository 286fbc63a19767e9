using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class HistoryTests(GrainClusterFixture fx)
{
    /// <summary>Mirrors NeighbourhoodGrain's history: two hours of dong snapshots, one per simulated minute.</summary>
    private const int Capacity = 120;

    [Fact]
    public async Task History_keeps_at_most_one_sample_per_simulated_minute_capped_and_in_time_order()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.History;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var pump = catalog.Pick(dongCode, AssetKind.WaterPump, 1)[0];
        var t0 = TestCatalog.Local(2025, 11, 11, 6);
        const int minutes = Capacity + 30;

        // Two readings a minute; the flow encodes when it was taken (whole minute: m*10, half: m*10+5).
        for (var m = 0; m < minutes; m++)
        {
            await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(m), [new AssetReading(pump.Id, [m * 10, 3.0])]));
            await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(m).AddSeconds(30), [new AssetReading(pump.Id, [m * 10 + 5, 3.0])]));
        }
        // Offline reports carry no values: the dong's snapshot at that minute holds no sample for
        // the pump, and it pushes the oldest snapshot out of the ring.
        await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(minutes), [new AssetReading(pump.Id, [])]));

        var history = await dong.GetAssetHistoryAsync(pump.Id);
        Assert.Equal(Capacity - 1, history.Count);
        var firstMinute = minutes - Capacity + 1;
        for (var k = 0; k < history.Count; k++)
        {
            var m = firstMinute + k;
            Assert.Equal(t0.AddMinutes(m), history[k].At);
            Assert.Equal([m * 10, 3.0], history[k].Values);
        }

        var details = await fx.Client.GetGrain<IAssetGrain>(pump.Id).GetDetailsAsync();
        Assert.NotNull(details);
        Assert.Equal(history.Select(s => s.At), details.History.Select(s => s.At));
        Assert.Equal(AssetStatus.Offline, details.Latest?.Status);
    }
}
