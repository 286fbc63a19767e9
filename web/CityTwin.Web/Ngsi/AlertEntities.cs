using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using CityTwin.Web.Alarms;
using NetTopologySuite.Geometries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// Open alarms (not closed; flood children included, each is an alarm of its own) as <c>Alert</c>
/// entities: one call per gu's alarm book and one for the rule book, only when Alert is asked for.
/// </summary>
public sealed class AlertEntities(CityCatalog catalog, AlarmDirectory alarms, AlarmItems items, IGrainFactory grains)
{
    private static readonly GeometryFactory Geometries = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    public async Task<IReadOnlyList<NgsiEntity>> AllAsync(Func<string, bool> idFilter)
    {
        var open = await alarms.QueryAsync(new AlarmQuery
        {
            States = [AlarmState.ActiveUnacknowledged, AlarmState.ActiveAcknowledged, AlarmState.ClearedUnacknowledged],
            IncludeChildren = true,
        });
        var wanted = open.Where(a => idFilter(NgsiLd.Urn(NgsiTypes.Alert.Name, a.Id))).ToList();
        if (wanted.Count == 0) return [];
        var rules = (await grains.GetGrain<IAlarmRulesGrain>(IAlarmRulesGrain.Key).GetAsync()).Rules.ToDictionary(r => r.Id);
        return [.. AlarmDirectory.Sorted(wanted).Select(a => Entity(a, rules.GetValueOrDefault(a.RuleId)))];
    }

    private NgsiEntity Entity(AlarmView a, AlarmRule? rule)
    {
        var item = items.Of(a);
        var list = new List<NgsiAttribute>
        {
            NgsiAttribute.Property("name", a.RuleName),
            NgsiAttribute.Property("description", $"{a.RuleName}: {item.Value} at {a.SourceId}"),
            NgsiAttribute.Property("category", Category(a.Service)),
        };
        if (SubCategory(a.SourceKind) is { } sub) list.Add(NgsiAttribute.Property("subCategory", sub));
        list.Add(NgsiAttribute.Relationship("alertSource", SourceUrn(a, rule)));
        list.Add(NgsiAttribute.Property("dateIssued", a.FirstAt));
        list.Add(NgsiAttribute.Property("validFrom", a.FirstAt));
        if (a.ClearedAt is { } cleared) list.Add(NgsiAttribute.Property("validTo", cleared));
        list.Add(NgsiAttribute.Property("severity", Severity(a.Severity), observedAt: a.LastAt));
        list.Add(NgsiAttribute.Property("alarmState", item.State, observedAt: a.LastAt));
        list.Add(NgsiAttribute.Property("occurrences", a.Count, "C62", a.LastAt));
        list.Add(NgsiAttribute.Property("service", item.Service));
        list.Add(NgsiAttribute.Property("ruleId", a.RuleId));
        list.Add(NgsiAttribute.Property("guCode", a.GuCode));
        if (a.DongCode is { } dong) list.Add(NgsiAttribute.Property("dongCode", dong));
        return new NgsiEntity(NgsiLd.Urn(NgsiTypes.Alert.Name, a.Id), NgsiTypes.Alert.Name,
            Geometries.CreatePoint(new Coordinate(item.Lon, item.Lat)), list);
    }

    /// <summary>
    /// The entity the alarm is about: the asset, or for an area alarm the KPI it watches (a flood group:
    /// the area's assets-in-alarm count). Assets of kinds with no model here are named as devices.
    /// </summary>
    private string SourceUrn(AlarmView a, AlarmRule? rule)
    {
        if (catalog.FindAsset(a.SourceId) is { } asset) return AssetEntities.UrnOf(asset) ?? NgsiLd.Urn("Device", asset.Id);
        var level = a.SourceKind == "gu" ? AreaLevel.Gu : AreaLevel.Dong;
        var kpi = rule is { IsAssetRule: false, Kpi: { } k } && KpiNames.All.Contains(k) ? k : KpiNames.AssetsInAlarm;
        return AreaEntities.UrnOf(level, a.SourceId, kpi);
    }

    /// <summary>The model's categories are fixed: facility faults (dark streets, pumps, chargers) are public-safety matters.</summary>
    private static string Category(ServiceArea service) => service switch
    {
        ServiceArea.Traffic => "traffic",
        ServiceArea.Environment => "environment",
        ServiceArea.Disaster => "naturalDisaster",
        _ => "security",
    };

    private static string? SubCategory(string sourceKind) =>
        AssetKinds.TryParse(sourceKind, out var kind) ? kind switch
        {
            AssetKind.FloodSensor => "flood",
            AssetKind.AirQualityStation => "airPollution",
            AssetKind.TrafficDetector or AssetKind.RoadSegment => "trafficJam",
            _ => null,
        } : null;

    private static string Severity(AlarmSeverity s) => s switch
    {
        AlarmSeverity.Critical => "critical",
        AlarmSeverity.Major => "high",
        AlarmSeverity.Minor => "medium",
        _ => "low",
    };
}
