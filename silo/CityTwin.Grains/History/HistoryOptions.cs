namespace CityTwin.Grains.History;

/// <summary>
/// How much history the grains keep in memory (configuration section <c>History</c>). The
/// defaults give the last day at 1-minute and the last week at 15-minute resolution; a very large
/// city (the million-asset scale benchmark) turns the asset rings down or off
/// (<c>History:AssetMinutes=0</c>, <c>History:AssetQuarters=0</c>).
/// </summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>1-minute rows kept per asset (1440 = 24 h).</summary>
    public int AssetMinutes { get; set; } = 24 * 60;

    /// <summary>15-minute min/mean/max rows kept per asset (672 = 7 days).</summary>
    public int AssetQuarters { get; set; } = 7 * 24 * 4;

    /// <summary>1-minute rows kept per dong, district and the city.</summary>
    public int AreaMinutes { get; set; } = 24 * 60;

    /// <summary>15-minute rows kept per dong, district and the city.</summary>
    public int AreaQuarters { get; set; } = 7 * 24 * 4;

    /// <summary>Largest ring a setting may ask for (a year of minutes): a typo must not exhaust memory.</summary>
    public const int MaxSlots = 366 * 24 * 60;

    /// <summary>Clamps each size to 0..<see cref="MaxSlots"/>.</summary>
    public static int Clamp(int slots) => Math.Clamp(slots, 0, MaxSlots);
}
