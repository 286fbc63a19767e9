using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Grains.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>
/// Every rule type through the real silo: rules stored in the rule grain reach the silo's cache,
/// a dong's batches are evaluated on ingest and the gu's alarm book holds the alarms. The test
/// owns a dong of Ongjin-gun (28720), where no other test writes, and scopes its rules to it.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class AlarmSiloTests(GrainClusterFixture fx)
{
    private const string Gu = "28720";

    [Fact]
    public async Task Threshold_rate_stale_and_area_rules_raise_alarms_from_ingested_batches()
    {
        var dong = fx.Catalog.DongsOf(Gu).First(d =>
            fx.Catalog.AssetsInDong(d.Code).Any(a => a.Kind == AssetKind.TrafficDetector) && fx.Catalog.AssetsInDong(d.Code).Any(a => a.Kind == AssetKind.FloodSensor));
        var detector = fx.Catalog.Pick(dong.Code, AssetKind.TrafficDetector, 1)[0];
        var flood = fx.Catalog.Pick(dong.Code, AssetKind.FloodSensor, 1)[0];
        var suffix = dong.Code;
        AlarmRule[] rules =
        [
            new() { Id = $"t-{suffix}", Name = "vc", Type = AlarmRuleType.Threshold, Kind = "traffic", Channel = "vc", Limit = 1, AreaCode = dong.Code, Severity = AlarmSeverity.Major, Service = ServiceArea.Traffic },
            new() { Id = $"r-{suffix}", Name = "rise", Type = AlarmRuleType.RateOfChange, Kind = "flood", Channel = "level_cm", Limit = 5, AreaCode = dong.Code, Service = ServiceArea.Disaster },
            new() { Id = $"s-{suffix}", Name = "silent", Type = AlarmRuleType.Stale, Kind = "flood", Limit = 5, AreaCode = dong.Code },
            new() { Id = $"a-{suffix}", Name = "flooded", Type = AlarmRuleType.AreaKpi, Level = AreaLevel.Dong, Kpi = KpiNames.FloodMaxCm, Limit = 15, AreaCode = dong.Code, Severity = AlarmSeverity.Critical },
        ];
        var ruleGrain = fx.Client.GetGrain<IAlarmRulesGrain>(IAlarmRulesGrain.Key);
        foreach (var rule in rules)
        {
            var (before, after) = await ruleGrain.UpsertAsync(rule);
            Assert.Null(before);
            Assert.Equal(1, after.Version);
        }
        var version = (await ruleGrain.GetAsync()).Version;
        var cache = fx.Cluster.Silos[0].ServiceProvider.GetRequiredService<AlarmRuleCache>();
        await Poll.UntilAsync(() => Task.FromResult(cache.Current.Version), v => v >= version, TimeSpan.FromSeconds(30));
        Assert.True(cache.Current.Version >= version, "the silo's rule cache never saw the new rules");

        var grain = fx.Client.GetGrain<INeighbourhoodGrain>(dong.Code);
        var book = fx.Client.GetGrain<IAlarmBookGrain>(Gu);
        var t0 = TestCatalog.Local(2025, 8, 1, 14);
        async Task<Dictionary<string, AlarmView>> Mine()
        {
            var all = await book.QueryAsync(new AlarmQuery { Area = dong.Code, IncludeChildren = true });
            // Other flood sensors of the dong never report here and go stale too: watch the two this test feeds.
            return all.Where(a => a.RuleId.EndsWith(suffix, StringComparison.Ordinal) && a.SourceId is var s && (s == detector.Id || s == flood.Id || s == dong.Code))
                .ToDictionary(a => a.RuleId[..1]);
        }

        // Transitions reach the book with the silo's next alarm send (every 100 ms), not within the ingest call.
        Task<Dictionary<string, AlarmView>> MineWhen(Func<Dictionary<string, AlarmView>, bool> done) => Poll.UntilAsync(Mine, done, TimeSpan.FromSeconds(30));

        await grain.IngestAsync(new TelemetryBatch(t0, [new(detector.Id, [500, 60, 0.5]), new(flood.Id, [2, 0])]));
        Assert.Empty(await Mine());

        await grain.IngestAsync(new TelemetryBatch(t0.AddMinutes(1), [new(detector.Id, [1500, 10, 1.3]), new(flood.Id, [20, 40])]));
        var raised = await MineWhen(m => m.Count >= 3);
        Assert.Equal(["a", "r", "t"], raised.Keys.Order());
        Assert.Equal((detector.Id, 1.3, AlarmSeverity.Major, ServiceArea.Traffic), (raised["t"].SourceId, raised["t"].Value, raised["t"].Severity, raised["t"].Service));
        Assert.Equal((flood.Id, 18.0), (raised["r"].SourceId, raised["r"].Value));
        Assert.Equal((dong.Code, "dong", AlarmSeverity.Critical), (raised["a"].SourceId, raised["a"].SourceKind, raised["a"].Severity));
        Assert.All(raised.Values, a => Assert.Equal(AlarmState.ActiveUnacknowledged, a.State));

        // The flood sensor falls silent; the detector calms down.
        await grain.IngestAsync(new TelemetryBatch(t0.AddMinutes(8), [new(detector.Id, [500, 60, 0.4])]));
        var later = await MineWhen(m => m.ContainsKey("s") && m["t"].State != AlarmState.ActiveUnacknowledged);
        Assert.Equal(AlarmState.ActiveUnacknowledged, later["s"].State);
        Assert.Equal(flood.Id, later["s"].SourceId);
        Assert.Equal(AlarmState.ClearedUnacknowledged, later["t"].State);
        var timeline = (await book.GetAsync(later["t"].Id))!.Timeline;
        Assert.Equal(["raised", "cleared"], timeline.Select(e => e.Type));
        Assert.Equal(t0.AddMinutes(8), timeline[1].SimAt);

        foreach (var rule in rules) Assert.NotNull(await ruleGrain.DeleteAsync(rule.Id));
    }
}
