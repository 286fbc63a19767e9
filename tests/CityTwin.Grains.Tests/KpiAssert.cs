using CityTwin.Abstractions.Kpis;

namespace CityTwin.Grains.Tests;

/// <summary>Compares KPI aggregates: counts exactly, sums within 1e-9 relative (summation order differs).</summary>
public static class KpiAssert
{
    private const double RelativeTolerance = 1e-9;

    public static bool Matches(KpiSet expected, KpiSet actual) => Differences(expected, actual).Count == 0;

    public static void Equal(KpiSet expected, KpiSet actual)
    {
        var differences = Differences(expected, actual);
        Assert.True(differences.Count == 0, "KPIs differ: " + string.Join("; ", differences) + $"\nexpected {expected}\nactual   {actual}");
    }

    private static List<string> Differences(KpiSet e, KpiSet a)
    {
        var diffs = new List<string>();
        void Count(string name, int x, int y)
        {
            if (x != y) diffs.Add($"{name} expected {x} got {y}");
        }
        void Sum(string name, double x, double y)
        {
            if (Math.Abs(x - y) > RelativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y)) && x != y)
                diffs.Add($"{name} expected {x:R} got {y:R}");
        }
        Count(nameof(KpiSet.Assets), e.Assets, a.Assets);
        Count(nameof(KpiSet.Alarms), e.Alarms, a.Alarms);
        Count(nameof(KpiSet.Warnings), e.Warnings, a.Warnings);
        Count(nameof(KpiSet.Offline), e.Offline, a.Offline);
        Count(nameof(KpiSet.AirStations), e.AirStations, a.AirStations);
        Sum(nameof(KpiSet.Flow), e.Flow, a.Flow);
        Sum(nameof(KpiSet.FlowTimesVc), e.FlowTimesVc, a.FlowTimesVc);
        Sum(nameof(KpiSet.Pm25Sum), e.Pm25Sum, a.Pm25Sum);
        Sum(nameof(KpiSet.ElectricLoadMw), e.ElectricLoadMw, a.ElectricLoadMw);
        Sum(nameof(KpiSet.StreetlightKw), e.StreetlightKw, a.StreetlightKw);
        Sum(nameof(KpiSet.FloodMaxCm), e.FloodMaxCm, a.FloodMaxCm);
        return diffs;
    }
}
