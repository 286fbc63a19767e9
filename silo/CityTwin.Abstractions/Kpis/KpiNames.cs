namespace CityTwin.Abstractions.Kpis;

/// <summary>Wire names of the public KPIs (API, SignalR frames, map legend).</summary>
public static class KpiNames
{
    public const string CongestionIndex = "congestionIndex";
    public const string Pm25 = "pm25";
    public const string ElectricLoadMw = "electricLoadMw";
    public const string StreetlightKw = "streetlightKw";
    public const string FloodMaxCm = "floodMaxCm";
    public const string AssetsInAlarm = "assetsInAlarm";
    public const string AssetsWarning = "assetsWarning";
    public const string AssetsOffline = "assetsOffline";
    public const string Assets = "assets";

    public static IReadOnlyList<string> All { get; } =
        [CongestionIndex, Pm25, ElectricLoadMw, StreetlightKw, FloodMaxCm, AssetsInAlarm, AssetsWarning, AssetsOffline, Assets];
}
