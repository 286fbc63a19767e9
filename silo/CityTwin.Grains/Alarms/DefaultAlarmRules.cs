using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// The rule book a city starts with, derived from the asset kinds' status thresholds (so the
/// assets the map shows "in alarm" are alarms at once), plus a stale-data rule per kind, a rising
/// flood level and two area rules. Operators edit from there.
/// </summary>
public static class DefaultAlarmRules
{
    /// <summary>Minutes of silence before an asset's data counts as stale (the map's offline rule).</summary>
    public static readonly double StaleMinutes = NeighbourhoodGrain.StaleAfter.TotalMinutes;

    public static IReadOnlyList<AlarmRule> Create()
    {
        var rules = new List<AlarmRule>();
        foreach (var kind in AssetKinds.All)
        {
            var (severity, service) = Classify(kind.Kind);
            foreach (var status in kind.Rules)
            {
                var channel = kind.Channels[status.Channel];
                rules.Add(new AlarmRule
                {
                    Id = $"{kind.WireName}-{channel.Replace('_', '-')}-{(status.HighIsBad ? "high" : "low")}",
                    Name = $"{kind.DisplayName}: {channel} {(status.HighIsBad ? "≥" : "≤")} {status.Alarm}",
                    Type = AlarmRuleType.Threshold,
                    Kind = kind.WireName,
                    Channel = channel,
                    Limit = status.Alarm,
                    Above = status.HighIsBad,
                    // Back a quarter of the way to the warning level before it clears, so a value
                    // wavering at the limit does not raise and clear on every reading.
                    Hysteresis = Math.Round(Math.Abs(status.Alarm - status.Warning) / 4, 3),
                    Severity = severity,
                    Service = service,
                });
            }
            rules.Add(new AlarmRule
            {
                Id = $"{kind.WireName}-stale",
                Name = $"{kind.DisplayName}: no data for {StaleMinutes} min",
                Type = AlarmRuleType.Stale,
                Kind = kind.WireName,
                Limit = StaleMinutes,
                Severity = AlarmSeverity.Warning,
                Service = service,
            });
        }
        rules.Add(new AlarmRule
        {
            Id = "flood-level-rising",
            Name = "Flood sensor: level rising ≥ 2 cm/min",
            Type = AlarmRuleType.RateOfChange,
            Kind = AssetKinds.FloodSensor.WireName,
            Channel = "level_cm",
            Limit = 2,
            Hysteresis = 1,
            Severity = AlarmSeverity.Major,
            Service = ServiceArea.Disaster,
        });
        rules.Add(new AlarmRule
        {
            Id = "dong-pm25-high",
            Name = "Dong mean PM2.5 ≥ 35.5 µg/m³ for 10 min",
            Type = AlarmRuleType.AreaKpi,
            Level = AreaLevel.Dong,
            Kpi = KpiNames.Pm25,
            Limit = 35.5,
            Hysteresis = 5,
            DelaySeconds = 600,
            Severity = AlarmSeverity.Major,
            Service = ServiceArea.Environment,
        });
        rules.Add(new AlarmRule
        {
            Id = "gu-congestion-high",
            Name = "Gu congestion index ≥ 0.9 for 10 min",
            Type = AlarmRuleType.AreaKpi,
            Level = AreaLevel.Gu,
            Kpi = KpiNames.CongestionIndex,
            Limit = 0.9,
            Hysteresis = 0.05,
            DelaySeconds = 600,
            Severity = AlarmSeverity.Minor,
            Service = ServiceArea.Traffic,
        });
        return rules;
    }

    private static (AlarmSeverity, ServiceArea) Classify(AssetKind kind) => kind switch
    {
        AssetKind.FloodSensor => (AlarmSeverity.Critical, ServiceArea.Disaster),
        AssetKind.Substation => (AlarmSeverity.Critical, ServiceArea.Disaster),
        AssetKind.AirQualityStation => (AlarmSeverity.Major, ServiceArea.Environment),
        AssetKind.WaterPump => (AlarmSeverity.Major, ServiceArea.Facilities),
        AssetKind.RoadSegment or AssetKind.TrafficDetector => (AlarmSeverity.Minor, ServiceArea.Traffic),
        AssetKind.StreetlightCircuit => (AlarmSeverity.Minor, ServiceArea.Safety),
        _ => (AlarmSeverity.Minor, ServiceArea.Facilities),
    };
}
