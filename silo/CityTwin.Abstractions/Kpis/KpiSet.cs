namespace CityTwin.Abstractions.Kpis;

/// <summary>
/// Additive aggregates from which every KPI is derived. Keeping sums and counts (not means)
/// lets a district combine its dongs and the city its districts exactly, in any order.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.KpiSet")]
public sealed record KpiSet
{
    public static readonly KpiSet Empty = new();

    /// <summary>Σ flow × v/c over road segments and detectors.</summary>
    [Id(0)] public double FlowTimesVc { get; init; }
    /// <summary>Σ flow (veh/h) over road segments and detectors.</summary>
    [Id(1)] public double Flow { get; init; }
    [Id(2)] public double Pm25Sum { get; init; }
    [Id(3)] public int AirStations { get; init; }
    [Id(4)] public double ElectricLoadMw { get; init; }
    [Id(5)] public double StreetlightKw { get; init; }
    [Id(6)] public double FloodMaxCm { get; init; }
    [Id(7)] public int Alarms { get; init; }
    [Id(8)] public int Warnings { get; init; }
    [Id(9)] public int Offline { get; init; }
    [Id(10)] public int Assets { get; init; }

    /// <summary>Flow-weighted mean volume/capacity ratio: 0 empty roads, 1 at capacity.</summary>
    public double CongestionIndex => Flow > 0 ? FlowTimesVc / Flow : 0;

    /// <summary>Mean PM2.5 over reporting air-quality stations (µg/m³); NaN when none report.</summary>
    public double MeanPm25 => AirStations > 0 ? Pm25Sum / AirStations : double.NaN;

    public KpiSet Add(KpiSet other) => new()
    {
        FlowTimesVc = FlowTimesVc + other.FlowTimesVc,
        Flow = Flow + other.Flow,
        Pm25Sum = Pm25Sum + other.Pm25Sum,
        AirStations = AirStations + other.AirStations,
        ElectricLoadMw = ElectricLoadMw + other.ElectricLoadMw,
        StreetlightKw = StreetlightKw + other.StreetlightKw,
        FloodMaxCm = Math.Max(FloodMaxCm, other.FloodMaxCm),
        Alarms = Alarms + other.Alarms,
        Warnings = Warnings + other.Warnings,
        Offline = Offline + other.Offline,
        Assets = Assets + other.Assets,
    };

    public static KpiSet Sum(IEnumerable<KpiSet> parts)
    {
        var total = Empty;
        foreach (var p in parts) total = total.Add(p);
        return total;
    }

    /// <summary>The KPIs as users see them, keyed by the lower-camel-case names used on the wire.</summary>
    public IReadOnlyDictionary<string, double> ToPublic() => new Dictionary<string, double>
    {
        [KpiNames.CongestionIndex] = Math.Round(CongestionIndex, 3),
        [KpiNames.Pm25] = AirStations > 0 ? Math.Round(MeanPm25, 1) : 0,
        [KpiNames.ElectricLoadMw] = Math.Round(ElectricLoadMw, 2),
        [KpiNames.StreetlightKw] = Math.Round(StreetlightKw, 1),
        [KpiNames.FloodMaxCm] = Math.Round(FloodMaxCm, 1),
        [KpiNames.AssetsInAlarm] = Alarms,
        [KpiNames.AssetsWarning] = Warnings,
        [KpiNames.AssetsOffline] = Offline,
        [KpiNames.Assets] = Assets,
    };
}
