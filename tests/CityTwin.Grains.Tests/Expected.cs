using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;
using CityTwin.Model.Kpis;

namespace CityTwin.Grains.Tests;

/// <summary>What the grains should conclude from readings, computed without them.</summary>
public static class Expected
{
    public static AssetStatus StatusOf(AssetKind kind, double[] values) =>
        values.Length == 0 ? AssetStatus.Offline : AssetKinds.Of(kind).Evaluate(values);

    /// <summary>KPIs of a dong that has received exactly these readings (every asset of the dong reporting once).</summary>
    public static KpiSet Kpis(CityCatalog catalog, IEnumerable<AssetReading> readings)
    {
        var calc = new KpiCalculator();
        foreach (var r in readings)
        {
            var asset = catalog.FindAsset(r.AssetId) ?? throw new ArgumentException($"unknown asset {r.AssetId}");
            calc.Add(asset, StatusOf(asset.Kind, r.Values), r.Values);
        }
        return calc.Result();
    }
}
