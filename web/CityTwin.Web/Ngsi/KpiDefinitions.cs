using CityTwin.Abstractions.Kpis;

namespace CityTwin.Web.Ngsi;

/// <summary>What each live KPI measures and its UN/CEFACT unit, for <c>KeyPerformanceIndicator</c> entities.</summary>
public static class KpiDefinitions
{
    public static IReadOnlyList<(string Name, string UnitCode, string Process)> All { get; } =
    [
        (KpiNames.CongestionIndex, "C62", "Flow-weighted mean volume/capacity ratio over road segments and traffic detectors (0 empty roads, 1 at capacity)"),
        (KpiNames.Pm25, "GQ", "Mean PM2.5 over the reporting air-quality stations"),
        (KpiNames.ElectricLoadMw, "MAW", "Sum of substation loads"),
        (KpiNames.StreetlightKw, "KWT", "Sum of streetlight circuit power"),
        (KpiNames.FloodMaxCm, "CMT", "Highest water level over the flood sensors"),
        (KpiNames.AssetsInAlarm, "C62", "Assets whose status is alarm"),
        (KpiNames.AssetsWarning, "C62", "Assets whose status is warning"),
        (KpiNames.AssetsOffline, "C62", "Assets that report themselves offline or have been silent for 15 simulated minutes"),
        (KpiNames.Assets, "C62", "Assets reporting in the area"),
    ];
}
