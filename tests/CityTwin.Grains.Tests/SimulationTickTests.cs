using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.Telemetry;
using CityTwin.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Tests;

[Collection(CityClusterCollection.Name)]
public sealed class SimulationTickTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task One_tick_feeds_every_dong_and_the_city_converges_to_every_asset()
    {
        var catalog = fx.Catalog;
        var generator = new TelemetryGenerator(catalog, catalog.Seed); // realistic: outages on
        var status = new SimulatorStatus();
        var engine = new SimulationEngine(fx.Client, generator, status, new SimulatedAssets(catalog), catalog, Options.Create(new SimulationOptions()), NullLogger<SimulationEngine>.Instance);
        var at = TestCatalog.Local(2025, 7, 15, 8);

        var tick = await engine.TickAsync(at);

        Assert.Equal(155, catalog.Dongs.Count);
        Assert.Equal(22_938, catalog.Assets.Count);
        Assert.Equal(catalog.Dongs.Count, tick.Batches);
        Assert.Equal(catalog.Assets.Count, tick.Readings);
        Assert.Equal(0, tick.Rejected);
        Assert.Equal(0, tick.FailedBatches);
        Assert.Equal(1, status.Ticks);
        Assert.Equal(catalog.Assets.Count, status.Readings);
        Assert.Equal(at, status.LastTickSimTime);

        // What the city should show, computed from the same (deterministic) readings without grains.
        var conditions = generator.ConditionsAt(at);
        var expected = KpiSet.Sum(generator.DongCodes.Select(d => Expected.Kpis(catalog, generator.GenerateDong(d, conditions).Readings)));
        Assert.Equal(catalog.Assets.Count, expected.Assets);

        var city = fx.Client.GetGrain<ICityGrain>(catalog.Id);
        var kpis = await Poll.UntilAsync(city.GetKpisAsync, k => KpiAssert.Matches(expected, k), TimeSpan.FromSeconds(15));
        Assert.Equal(22_938, kpis.Assets);
        KpiAssert.Equal(expected, kpis);
    }
}
