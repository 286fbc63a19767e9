using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;

namespace CityTwin.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class StatusRuleTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task Readings_are_classified_by_their_kinds_rules_and_shown_by_dong_and_asset_grains()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.StatusRules;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var roads = catalog.Pick(dongCode, AssetKind.RoadSegment, 3);
        var air = catalog.Pick(dongCode, AssetKind.AirQualityStation, 2);
        var pumps = catalog.Pick(dongCode, AssetKind.WaterPump, 3);
        var light = catalog.Pick(dongCode, AssetKind.StreetlightCircuit, 1)[0];
        var t0 = TestCatalog.Local(2025, 3, 4, 9);

        var cases = new (AssetDescriptor Asset, double[] Values, AssetStatus Status)[]
        {
            (roads[0], [1200, 20, 1.2], AssetStatus.Alarm),
            (roads[1], [900, 35, 0.9], AssetStatus.Warning),
            (roads[2], [500, 50, 0.5], AssetStatus.Ok),
            (air[0], [80, 100, 20], AssetStatus.Alarm),
            (air[1], [40, 50, 20], AssetStatus.Warning),
            (pumps[0], [1000, 1.4], AssetStatus.Alarm), // low pressure is the bad side
            (pumps[1], [1000, 1.8], AssetStatus.Warning),
            (pumps[2], [1000, 3.0], AssetStatus.Ok),
            (light, [2.5, 100, 0], AssetStatus.Ok),
        };
        var first = await dong.IngestAsync(new TelemetryBatch(t0, [.. cases.Select(c => new AssetReading(c.Asset.Id, c.Values))]));
        Assert.Empty(first.Rejected);
        Assert.Equal(cases.Length, first.Accepted);

        foreach (var (asset, values, status) in cases)
        {
            var snapshot = await dong.GetAssetAsync(asset.Id);
            Assert.NotNull(snapshot);
            Assert.True(status == snapshot.Status, $"{asset.Id} {string.Join(",", values)}: expected {status}, got {snapshot.Status}");
            Assert.Equal(values, snapshot.Values);
            Assert.Equal(t0, snapshot.UpdatedAt);

            var details = await fx.Client.GetGrain<IAssetGrain>(asset.Id).GetDetailsAsync();
            Assert.NotNull(details);
            Assert.Equal(asset.Id, details.Id);
            Assert.Equal(asset.Kind, details.Kind);
            Assert.Equal(dongCode, details.DongCode);
            Assert.Equal(catalog.FindDong(dongCode)!.GuCode, details.GuCode);
            Assert.Equal(asset.Lon, details.Lon);
            Assert.Equal(asset.Lat, details.Lat);
            Assert.NotEmpty(details.Attributes);
            Assert.Equal(asset.Spec.Describe().OrderBy(kv => kv.Key), details.Attributes.OrderBy(kv => kv.Key));
            Assert.NotNull(details.Latest);
            Assert.Equal(status, details.Latest.Status);
            Assert.Equal(values, details.Latest.Values);
        }

        var kpis = await dong.GetKpisAsync();
        var assetsInDong = catalog.AssetsInDong(dongCode).Count;
        Assert.Equal(assetsInDong, kpis.Assets);
        Assert.Equal(3, kpis.Alarms);
        Assert.Equal(3, kpis.Warnings);
        Assert.Equal(assetsInDong - cases.Length, kpis.Offline); // never heard from = offline

        // An empty value array is the device saying it is offline.
        var t1 = t0.AddMinutes(1);
        var second = await dong.IngestAsync(new TelemetryBatch(t1, [new AssetReading(light.Id, [])]));
        Assert.Empty(second.Rejected);
        Assert.Equal(1, second.Accepted);
        var offline = await dong.GetAssetAsync(light.Id);
        Assert.NotNull(offline);
        Assert.Equal(AssetStatus.Offline, offline.Status);
        Assert.Empty(offline.Values);
        Assert.Equal(t1, offline.UpdatedAt);
        var lightDetails = await fx.Client.GetGrain<IAssetGrain>(light.Id).GetDetailsAsync();
        Assert.NotNull(lightDetails?.Latest);
        Assert.Equal(AssetStatus.Offline, lightDetails.Latest.Status);
        Assert.Equal(assetsInDong - cases.Length + 1, (await dong.GetKpisAsync()).Offline);
    }
}
