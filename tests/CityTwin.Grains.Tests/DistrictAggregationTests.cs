using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.Telemetry;

namespace CityTwin.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class DistrictAggregationTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task District_kpis_equal_the_aggregate_of_its_assets_and_reach_the_city()
    {
        var catalog = fx.Catalog;
        var district = TestDongs.AggregationDistrict;
        var generator = new TelemetryGenerator(catalog, catalog.Seed, outageShare: 0);
        // A July evening: streetlights on, some roads congested (alarms and warnings to count).
        var conditions = generator.ConditionsAt(TestCatalog.Local(2025, 7, 15, 21));

        var dongs = catalog.DongsOf(district).Select(d => d.Code).ToList();
        Assert.NotEmpty(dongs);
        var expectedPerDong = new Dictionary<string, KpiSet>(StringComparer.Ordinal);
        var sends = new List<Task<IngestResult>>();
        var sent = 0;
        foreach (var dong in dongs)
        {
            var batch = generator.GenerateDong(dong, conditions);
            Assert.Equal(catalog.AssetsInDong(dong).Count, batch.Readings.Count);
            expectedPerDong[dong] = Expected.Kpis(catalog, batch.Readings);
            sent += batch.Readings.Count;
            sends.Add(fx.Client.GetGrain<INeighbourhoodGrain>(dong).IngestAsync(batch));
        }
        var results = await Task.WhenAll(sends);
        Assert.All(results, r => Assert.Empty(r.Rejected));
        Assert.Equal(sent, results.Sum(r => r.Accepted));

        var expected = KpiSet.Sum(expectedPerDong.Values);
        Assert.Equal(catalog.Assets.Count(a => a.GuCode == district), expected.Assets);
        Assert.True(expected.Alarms + expected.Warnings > 0, "the chosen instant should exercise the status rules");
        Assert.True(expected.StreetlightKw > 0 && expected.Flow > 0 && expected.AirStations > 0, "the chosen instant should exercise every sum");

        var districtGrain = fx.Client.GetGrain<IDistrictGrain>(district);
        var actual = await Poll.UntilAsync(districtGrain.GetKpisAsync, k => KpiAssert.Matches(expected, k));
        KpiAssert.Equal(expected, actual);

        var byDong = await districtGrain.GetDongKpisAsync();
        Assert.Equal(dongs.Order(StringComparer.Ordinal), byDong.Keys.Order(StringComparer.Ordinal));
        foreach (var dong in dongs)
        {
            KpiAssert.Equal(expectedPerDong[dong], byDong[dong]);
            KpiAssert.Equal(expectedPerDong[dong], await fx.Client.GetGrain<INeighbourhoodGrain>(dong).GetKpisAsync());
        }

        // The city hears from districts on their timers: it converges to the sum of all districts,
        // which includes this one.
        var city = fx.Client.GetGrain<ICityGrain>(catalog.Id);
        async Task<(KpiSet City, KpiSet Districts)> ProbeCity()
        {
            var parts = await Task.WhenAll(catalog.Districts.Select(d => fx.Client.GetGrain<IDistrictGrain>(d.Code).GetKpisAsync()));
            return (await city.GetKpisAsync(), KpiSet.Sum(parts));
        }
        var (cityKpis, allDistricts) = await Poll.UntilAsync(ProbeCity, p => KpiAssert.Matches(p.Districts, p.City));
        KpiAssert.Equal(allDistricts, cityKpis);
        Assert.True(cityKpis.Assets >= expected.Assets, $"city counts {cityKpis.Assets} assets, fewer than district {district}'s {expected.Assets}");
    }
}
