using CityTwin.Abstractions.Assets;
using CityTwin.Model.Physics;
using CityTwin.Model.Specs;
using CityTwin.Model.Telemetry;

namespace CityTwin.Model.Tests;

public class TelemetryShapeTests
{
    [Fact]
    public void Every_reading_has_its_kinds_channel_count_and_finite_non_negative_values_all_year()
    {
        var catalog = TestCity.Build();
        var generator = new TelemetryGenerator(catalog, 3);
        var kinds = new HashSet<AssetKind>();
        var start = TestCity.Local(2025, 1, 1, 0, 20);
        for (var h = 0; h < 365 * 24; h += 7)
        {
            var c = generator.ConditionsAt(start.AddHours(h));
            foreach (var dong in generator.DongCodes)
            {
                var batch = generator.GenerateDong(dong, c);
                Assert.Equal(c.SimTime, batch.Timestamp);
                Assert.Equal(catalog.AssetsInDong(dong).Count, batch.Readings.Count);
                foreach (var r in batch.Readings)
                {
                    var asset = catalog.FindAsset(r.AssetId)!;
                    Assert.Equal(dong, asset.DongCode);
                    kinds.Add(asset.Kind);
                    if (r.Values.Length == 0) continue; // offline
                    Assert.Equal(AssetKinds.Of(asset.Kind).Channels.Count, r.Values.Length);
                    foreach (var v in r.Values)
                    {
                        Assert.True(double.IsFinite(v), $"{r.AssetId} at {c.LocalTime}: {v}");
                        Assert.True(v >= 0, $"{r.AssetId} at {c.LocalTime}: {v}");
                    }
                }
            }
        }
        Assert.Equal(Enum.GetValues<AssetKind>().Length, kinds.Count);
    }

    [Fact]
    public void Values_are_rounded_for_the_wire()
    {
        var generator = new TelemetryGenerator(TestCity.Build(), 3, outageShare: 0);
        var readings = generator.Readings(generator.ConditionsAt(TestCity.Local(2025, 6, 3, 9, 17)));
        foreach (var (id, values) in readings)
            foreach (var v in values)
                Assert.Equal(Math.Round(v, 3), v);
    }

    [Fact]
    public void Assets_are_offline_in_a_small_seeded_share_of_hours_and_stay_offline_within_the_hour()
    {
        var catalog = TestCity.Build();
        var generator = new TelemetryGenerator(catalog, 9);
        var start = TestCity.Local(2025, 2, 1, 0, 5);
        long offline = 0, total = 0;
        for (var h = 0; h < 3000; h++)
        {
            var early = generator.Readings(generator.ConditionsAt(start.AddHours(h)));
            foreach (var (_, values) in early)
            {
                total++;
                if (values.Length == 0) offline++;
            }
            if (h % 100 == 0)
            {
                var late = generator.Readings(generator.ConditionsAt(start.AddHours(h).AddMinutes(50)));
                foreach (var (id, values) in early) Assert.Equal(values.Length == 0, late[id].Length == 0);
            }
        }
        var share = (double)offline / total;
        Assert.InRange(share, 0.002, 0.005);
    }

    [Fact]
    public void Outages_can_be_turned_off()
    {
        var generator = new TelemetryGenerator(TestCity.Build(), 9, outageShare: 0);
        var start = TestCity.Local(2025, 2, 1, 0, 5);
        for (var h = 0; h < 500; h++)
            foreach (var (_, values) in generator.Readings(generator.ConditionsAt(start.AddHours(h))))
                Assert.NotEmpty(values);
    }

    [Fact]
    public void Streetlight_faults_are_rare_and_come_and_go()
    {
        var catalog = TestCity.Build();
        var model = new StreetlightModel(4);
        for (var i = 0; i < 500; i++) model.Add(i, new StreetlightSpec(40, 1, 150, 400));
        int zero = 0, warning = 0, samples = 0;
        var circuitsEverFaulty = new HashSet<int>();
        for (var day = 20_000; day < 20_060; day++)
            for (var slot = 0; slot < model.Count; slot++)
            {
                var outNow = model.LampsOut(slot, day + 0.5);
                samples++;
                if (outNow == 0) zero++;
                if (outNow >= 2) warning++;
                if (outNow > 0) circuitsEverFaulty.Add(slot);
            }
        Assert.InRange((double)zero / samples, 0.88, 0.98);
        Assert.InRange((double)warning / samples, 0.005, 0.06);
        Assert.True(circuitsEverFaulty.Count > 100, "faults should move around the city");
        Assert.NotNull(catalog);
    }

    [Fact]
    public void An_unknown_dong_gives_an_empty_batch()
    {
        var generator = new TelemetryGenerator(TestCity.Build(), 1);
        var c = generator.ConditionsAt(TestCity.Local(2025, 2, 1, 12));
        Assert.Empty(generator.GenerateDong("9999999999", c).Readings);
    }

    [Fact]
    public void A_spec_that_does_not_match_its_kind_is_rejected_at_construction()
    {
        var good = TestCity.Build();
        var assets = good.Assets.ToList();
        assets[0] = assets[0] with { Spec = new AirStationSpec(0.5) };
        var bad = new City.CityCatalog(good.Pack, good.Outline, 1, good.Districts, good.Dongs, [], assets, assets.Select(_ => (NetTopologySuite.Geometries.Geometry?)null).ToList());
        Assert.Throws<ArgumentException>(() => new TelemetryGenerator(bad, 1));
    }
}
