using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains.Tests;

/// <summary>Real feeds send readings taken at different instants in one batch: each keeps its own.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ReadingInstantTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task Readings_of_one_batch_keep_their_own_instants_and_a_late_one_is_ignored()
    {
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(TestDongs.ReadingInstants);
        var floods = fx.Catalog.Pick(TestDongs.ReadingInstants, AssetKind.FloodSensor, 2);
        var (a, b) = (floods[0], floods[1]);
        // Years after anything the simulator tests send, so no tick of theirs overtakes these.
        var t0 = new DateTimeOffset(2031, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var result = await dong.IngestAsync(new TelemetryBatch(t0.AddSeconds(30),
        [
            new AssetReading(a.Id, [10, 1]) { At = t0 },
            new AssetReading(b.Id, [20, 2]) { At = t0.AddSeconds(30) },
        ]));
        Assert.Equal(2, result.Accepted);
        Assert.Equal(t0, (await dong.RequireAssetAsync(a.Id)).UpdatedAt);
        Assert.Equal(t0.AddSeconds(30), (await dong.RequireAssetAsync(b.Id)).UpdatedAt);

        // A gateway's backlog arrives late: a reading older than the one held changes nothing,
        // while a newer one in the same batch is taken.
        await dong.IngestAsync(new TelemetryBatch(t0.AddSeconds(40),
        [
            new AssetReading(a.Id, [11, 1]) { At = t0.AddSeconds(10) },
            new AssetReading(b.Id, [99, 9]) { At = t0.AddSeconds(20) },
        ]));
        var storedA = await dong.RequireAssetAsync(a.Id);
        Assert.Equal([11, 1], storedA.Values);
        Assert.Equal(t0.AddSeconds(10), storedA.UpdatedAt);
        var storedB = await dong.RequireAssetAsync(b.Id);
        Assert.Equal([20, 2], storedB.Values);
        Assert.Equal(t0.AddSeconds(30), storedB.UpdatedAt);
    }
}
