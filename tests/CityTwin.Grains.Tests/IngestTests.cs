using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.Telemetry;

namespace CityTwin.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class IngestTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task Bad_readings_are_named_and_never_cost_the_good_ones()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.BadInput;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var light = catalog.Pick(dongCode, AssetKind.StreetlightCircuit, 1)[0];
        var ev = catalog.Pick(dongCode, AssetKind.EvCharger, 1)[0];
        var detector = catalog.Pick(dongCode, AssetKind.TrafficDetector, 1)[0];
        var flood = catalog.Pick(dongCode, AssetKind.FloodSensor, 1)[0];
        var air = catalog.Pick(dongCode, AssetKind.AirQualityStation, 1)[0];
        var substation = catalog.Pick(dongCode, AssetKind.Substation, 1)[0];
        var elsewhere = catalog.Pick(TestDongs.StatusRules, AssetKind.StreetlightCircuit, 1)[0];
        const string unknown = "streetlight-0000000000-999";
        var t0 = TestCatalog.Local(2025, 5, 6, 14);

        var batch = new TelemetryBatch(t0,
        [
            new AssetReading(light.Id, [2.5, 100, 0]),
            new AssetReading(unknown, [1, 1, 1]),
            new AssetReading(detector.Id, [1000, 50]), // a channel short
            new AssetReading(ev.Id, [22, 1]),
            new AssetReading(flood.Id, [3, 0, 7]), // a channel too many
            new AssetReading(air.Id, [double.NaN, 30, 20]),
            new AssetReading(substation.Id, [double.PositiveInfinity, 50]),
            new AssetReading(elsewhere.Id, [2.5, 100, 0]), // a real asset, but of another dong
        ]);
        var result = await dong.IngestAsync(batch);

        string[] bad = [unknown, detector.Id, flood.Id, air.Id, substation.Id, elsewhere.Id];
        Assert.Equal(bad.Order(StringComparer.Ordinal), result.Rejected.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Accepted);

        var storedLight = await dong.RequireAssetAsync(light.Id);
        Assert.Equal([2.5, 100, 0], storedLight.Values);
        Assert.Equal(AssetStatus.Ok, storedLight.Status);
        var storedEv = await dong.RequireAssetAsync(ev.Id);
        Assert.Equal([22, 1], storedEv.Values);
        Assert.Equal(AssetStatus.Ok, storedEv.Status);
        foreach (var rejected in new[] { detector, flood, air, substation })
        {
            var snapshot = await dong.GetAssetAsync(rejected.Id);
            Assert.NotNull(snapshot);
            Assert.Equal(AssetStatus.Offline, snapshot.Status); // still never heard from
            Assert.Empty(snapshot.Values);
        }
        Assert.Null(await dong.GetAssetAsync(unknown));
        Assert.Null(await dong.GetAssetAsync(elsewhere.Id));
        var kpis = await dong.GetKpisAsync();
        Assert.Equal(catalog.AssetsInDong(dongCode).Count - 2, kpis.Offline);

        // The grain is not wedged: a complete, well-formed batch afterwards is taken whole.
        var generator = new TelemetryGenerator(catalog, catalog.Seed, outageShare: 0);
        var good = generator.GenerateDong(dongCode, generator.ConditionsAt(t0.AddMinutes(1)));
        var next = await dong.IngestAsync(good);
        Assert.Empty(next.Rejected);
        Assert.Equal(good.Readings.Count, next.Accepted);
        foreach (var reading in good.Readings)
            Assert.Equal(reading.Values, (await dong.RequireAssetAsync(reading.AssetId)).Values);
        KpiAssert.Equal(Expected.Kpis(catalog, good.Readings), await dong.GetKpisAsync());
    }

    [Fact]
    public async Task A_late_reading_never_overwrites_newer_state()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.LateReadings;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var flood = catalog.Pick(dongCode, AssetKind.FloodSensor, 1)[0];
        var light = catalog.Pick(dongCode, AssetKind.StreetlightCircuit, 1)[0];
        var t0 = TestCatalog.Local(2025, 8, 20, 3);
        var newer = t0.AddMinutes(10);

        await dong.IngestAsync(new TelemetryBatch(newer, [new AssetReading(flood.Id, [10, 5]), new AssetReading(light.Id, [2, 100, 0])]));
        // Arrives after, taken before: both values would raise alarms if they were applied.
        var late = await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(5), [new AssetReading(flood.Id, [50, 40]), new AssetReading(light.Id, [3, 100, 9])]));
        Assert.Empty(late.Rejected); // stale, not malformed

        var floodNow = await dong.GetAssetAsync(flood.Id);
        Assert.NotNull(floodNow);
        Assert.Equal([10, 5], floodNow.Values);
        Assert.Equal(AssetStatus.Ok, floodNow.Status);
        Assert.Equal(newer, floodNow.UpdatedAt);
        var lightNow = await dong.RequireAssetAsync(light.Id);
        Assert.Equal([2, 100, 0], lightNow.Values);
        Assert.Equal(AssetStatus.Ok, lightNow.Status);
        var kpis = await dong.GetKpisAsync();
        Assert.Equal(10, kpis.FloodMaxCm);
        Assert.Equal(0, kpis.Alarms);
        var history = await dong.GetAssetHistoryAsync(flood.Id);
        Assert.Equal([newer], history.Select(s => s.At));

        // Time moving on is applied as usual.
        var later = t0.AddMinutes(11);
        await dong.IngestAsync(new TelemetryBatch(later, [new AssetReading(flood.Id, [35, 40])]));
        var floodLater = await dong.RequireAssetAsync(flood.Id);
        Assert.Equal([35, 40], floodLater.Values);
        Assert.Equal(AssetStatus.Alarm, floodLater.Status);
        Assert.Equal(later, floodLater.UpdatedAt);
    }

    [Fact]
    public async Task An_asset_silent_for_more_than_15_simulated_minutes_goes_offline()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.Stale;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var lights = catalog.Pick(dongCode, AssetKind.StreetlightCircuit, 2);
        var (silent, chatty) = (lights[0], lights[1]);
        var t0 = TestCatalog.Local(2025, 10, 1, 20);
        double[] values = [2, 100, 0];
        var inDong = catalog.AssetsInDong(dongCode).Count;

        await dong.IngestAsync(new TelemetryBatch(t0, [new AssetReading(silent.Id, values), new AssetReading(chatty.Id, values)]));
        Assert.Equal(inDong - 2, (await dong.GetKpisAsync()).Offline);

        // Exactly 15 minutes of silence is still within the allowance.
        await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(15), [new AssetReading(chatty.Id, values)]));
        Assert.Equal(AssetStatus.Ok, (await dong.RequireAssetAsync(silent.Id)).Status);

        await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(16), [new AssetReading(chatty.Id, values)]));
        var stale = await dong.GetAssetAsync(silent.Id);
        Assert.NotNull(stale);
        Assert.Equal(AssetStatus.Offline, stale.Status);
        Assert.Equal(t0, stale.UpdatedAt); // when it was last heard
        Assert.Equal(AssetStatus.Ok, (await dong.RequireAssetAsync(chatty.Id)).Status);
        var kpis = await dong.GetKpisAsync();
        Assert.Equal(inDong - 1, kpis.Offline);
        Assert.Equal(2, kpis.StreetlightKw); // only the one still reporting counts

        // When it speaks again it is back.
        await dong.IngestAsync(new TelemetryBatch(t0.AddMinutes(17), [new AssetReading(silent.Id, values)]));
        Assert.Equal(AssetStatus.Ok, (await dong.RequireAssetAsync(silent.Id)).Status);
        Assert.Equal(inDong - 2, (await dong.GetKpisAsync()).Offline);
    }
}
