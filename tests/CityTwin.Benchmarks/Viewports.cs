using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;

namespace CityTwin.Benchmarks;

/// <summary>
/// Map views as a 1280×800-pixel browser window would subscribe them, placed from the catalog so
/// they follow the data: Songdo (real buildings and roads, the densest views) and other dongs.
/// </summary>
public static class Viewports
{
    private const double WidthPx = 1280;
    private const double HeightPx = 800;

    /// <summary>A window of the browser's size centred on (lon, lat) at a Web-Mercator zoom.</summary>
    public static Viewbox Around(CityCatalog catalog, string name, double lon, double lat, double zoom)
    {
        var degPerPx = 360.0 / (256 * Math.Pow(2, zoom));
        var halfW = degPerPx * WidthPx / 2;
        var halfH = degPerPx * Math.Cos(lat * Math.PI / 180) * HeightPx / 2;
        var (w, s, e, n) = (lon - halfW, lat - halfH, lon + halfW, lat + halfH);
        var count = catalog.Assets.Count(a => a.Lon >= w && a.Lon <= e && a.Lat >= s && a.Lat <= n);
        return new Viewbox(name, w, s, e, n, zoom, count);
    }

    /// <summary>Centre of Songdo: the median position of the real (OSM) buildings.</summary>
    public static (double Lon, double Lat) SongdoCentre(CityCatalog catalog)
    {
        var buildings = catalog.Assets.Where(a => a.Kind == AssetKind.Building).ToList();
        return (Median(buildings.Select(b => b.Lon)), Median(buildings.Select(b => b.Lat)));
    }

    /// <summary>
    /// <paramref name="count"/> views: half over Songdo at zoom 15 (a grid across the building
    /// extent), half at zoom 14 over the busiest other dongs, one per district where possible.
    /// </summary>
    public static IReadOnlyList<Viewbox> Spread(CityCatalog catalog, int count)
    {
        var songdoCount = (count + 1) / 2;
        var buildings = catalog.Assets.Where(a => a.Kind == AssetKind.Building).ToList();
        var lons = buildings.Select(b => b.Lon).Order().ToArray();
        var lats = buildings.Select(b => b.Lat).Order().ToArray();
        double Q(double[] v, double q) => v[(int)(q * (v.Length - 1))];
        var views = new List<Viewbox>();
        var cols = (int)Math.Ceiling(songdoCount / 2.0);
        for (var k = 0; k < songdoCount; k++)
        {
            var col = k / 2;
            var row = k % 2;
            var lon = Q(lons, 0.1) + (Q(lons, 0.9) - Q(lons, 0.1)) * (cols == 1 ? 0.5 : col / (double)(cols - 1));
            var lat = Q(lats, 0.3) + (Q(lats, 0.7) - Q(lats, 0.3)) * row;
            views.Add(Around(catalog, $"songdo-{k + 1}", lon, lat, 15));
        }

        var songdoDongs = buildings.Select(b => b.DongCode).ToHashSet();
        var others = catalog.Dongs
            .Where(d => !songdoDongs.Contains(d.Code))
            .Select(d => (Dong: d, Assets: catalog.AssetsInDong(d.Code)))
            .Where(x => x.Assets.Count > 0)
            .OrderByDescending(x => x.Assets.Count)
            .ToList();
        // One per district first, then the next busiest, so the views spread over the city.
        var picked = others.GroupBy(x => x.Dong.GuCode).Select(g => g.First()).OrderByDescending(x => x.Assets.Count).ToList();
        picked.AddRange(others.Where(x => !picked.Contains(x)));
        foreach (var (dong, assets) in picked.Take(count - songdoCount))
            views.Add(Around(catalog, $"dong-{dong.Code}", assets.Average(a => a.Lon), assets.Average(a => a.Lat), 14));
        return views;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
