using CityTwin.Model.City;

namespace CityTwin.Grains.Tests;

/// <summary>
/// The real Incheon pack, loaded once per test process: loading takes about a second and a half and
/// the catalog is immutable, so every cluster and test shares the same instance.
/// </summary>
public static class TestCatalog
{
    private static readonly Lazy<CityCatalog> Loaded = new(() => CityPackLoader.Load(CityPackLocator.Find("incheon")));

    public static CityCatalog Incheon => Loaded.Value;

    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Kst);
}
