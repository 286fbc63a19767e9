using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;

namespace CityTwin.Grains.Tests;

public static class CatalogPicks
{
    /// <summary>The first <paramref name="count"/> assets of a kind in a dong, in catalog order.</summary>
    public static AssetDescriptor[] Pick(this CityCatalog catalog, string dong, AssetKind kind, int count)
    {
        var found = catalog.AssetsInDong(dong).Where(a => a.Kind == kind).Take(count).ToArray();
        Assert.True(found.Length == count, $"dong {dong} should have {count} {kind} assets, has {found.Length}");
        return found;
    }
}
