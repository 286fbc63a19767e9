using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Web.History;

/// <summary>The columns of asset and area series, in the order the grains store them.</summary>
public static class HistoryColumns
{
    private static readonly Dictionary<string, string> KpiUnits = new(StringComparer.Ordinal)
    {
        [KpiNames.CongestionIndex] = "v/c",
        [KpiNames.Pm25] = "µg/m³",
        [KpiNames.ElectricLoadMw] = "MW",
        [KpiNames.StreetlightKw] = "kW",
        [KpiNames.FloodMaxCm] = "cm",
    };

    public static IReadOnlyList<HistoryColumn> Kpis { get; } = [.. KpiNames.All.Select(k => new HistoryColumn(k, KpiUnits.GetValueOrDefault(k, "")))];

    public static IReadOnlyList<HistoryColumn> Of(AssetKind kind)
    {
        var info = AssetKinds.Of(kind);
        return [.. info.Channels.Select((c, i) => new HistoryColumn(c, info.Units[i]))];
    }
}
