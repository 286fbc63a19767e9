using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class AssetLookupTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task Building_grain_answers_for_buildings_only()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.Buildings;
        var building = catalog.Pick(dongCode, AssetKind.Building, 1)[0];
        var road = catalog.Pick(dongCode, AssetKind.RoadSegment, 1)[0];

        Assert.Null(await fx.Client.GetGrain<IBuildingGrain>(road.Id).GetDetailsAsync());
        Assert.Null(await fx.Client.GetGrain<IBuildingGrain>("building-does-not-exist").GetDetailsAsync());

        double[] meter = [120, 15, 40];
        var at = TestCatalog.Local(2025, 9, 9, 11);
        var ingest = await fx.Client.GetGrain<INeighbourhoodGrain>(dongCode).IngestAsync(new TelemetryBatch(at, [new AssetReading(building.Id, meter)]));
        Assert.Empty(ingest.Rejected);

        var details = await fx.Client.GetGrain<IBuildingGrain>(building.Id).GetDetailsAsync();
        Assert.NotNull(details);
        Assert.Equal(building.Id, details.Id);
        Assert.Equal(AssetKind.Building, details.Kind);
        Assert.Equal(dongCode, details.DongCode);
        Assert.Equal(building.GuCode, details.GuCode);
        Assert.Contains("floorAreaM2", details.Attributes.Keys);
        Assert.Equal(building.Spec.Describe().OrderBy(kv => kv.Key), details.Attributes.OrderBy(kv => kv.Key));
        Assert.NotNull(details.Latest);
        Assert.Equal(meter, details.Latest.Values);
        Assert.Equal(AssetStatus.Ok, details.Latest.Status);
        Assert.Equal(at, details.Latest.UpdatedAt);
    }

    [Fact]
    public async Task Asset_grain_returns_null_for_an_unknown_id()
    {
        Assert.Null(await fx.Client.GetGrain<IAssetGrain>("streetlight-0000000000-000").GetDetailsAsync());
        var known = fx.Catalog.Pick(TestDongs.Buildings, AssetKind.EvCharger, 1)[0];
        Assert.Equal(known.Id, (await fx.Client.GetGrain<IAssetGrain>(known.Id).GetDetailsAsync())?.Id);
    }
}
