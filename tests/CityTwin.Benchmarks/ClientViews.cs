using CityTwin.Model.City;

namespace CityTwin.Benchmarks;

/// <summary>
/// The views of the <c>clients</c> benchmark: zoomed out on KPIs, a 1280×800 window at zoom 11
/// over the city's home area (the server sends area KPIs only below zoom 13); zoomed in, a
/// 390×844 phone window at zoom 16 centred on an asset picked at random (seeded), so the
/// zoomed-in clients spread over the whole city as field-visit phones would.
/// </summary>
public static class ClientViews
{
    public const double KpiZoom = 11;
    public const double AssetZoom = 16;

    public static Viewbox Window(string name, double lon, double lat, double zoom, double widthPx, double heightPx)
    {
        var degPerPx = 360.0 / (256 * Math.Pow(2, zoom));
        var halfW = degPerPx * widthPx / 2;
        var halfH = degPerPx * Math.Cos(lat * Math.PI / 180) * heightPx / 2;
        return new Viewbox(name, lon - halfW, lat - halfH, lon + halfW, lat + halfH, zoom, 0);
    }

    public static IReadOnlyList<Viewbox> Make(CityCatalog catalog, int count, double zoomedInShare, int seed = 20261207)
    {
        var random = new Random(seed);
        var home = catalog.HomeBounds;
        var zoomedIn = (int)Math.Round(count * zoomedInShare);
        var views = new List<Viewbox>(count);
        for (var k = 0; k < count - zoomedIn; k++)
        {
            // A little jitter, as people leave the overview map in slightly different places.
            var lon = home.Centre.X + (random.NextDouble() - 0.5) * home.Width * 0.2;
            var lat = home.Centre.Y + (random.NextDouble() - 0.5) * home.Height * 0.2;
            views.Add(Window($"kpi-{k}", lon, lat, KpiZoom, 1280, 800));
        }
        var assets = catalog.Assets;
        for (var k = 0; k < zoomedIn; k++)
        {
            var a = assets[random.Next(assets.Count)];
            var v = Window($"asset-{k}", a.Lon, a.Lat, AssetZoom, 390, 844);
            views.Add(v with { Assets = CountIn(catalog, v) });
        }
        return views;
    }

    private static int CountIn(CityCatalog catalog, Viewbox v)
    {
        var n = 0;
        foreach (var a in catalog.Assets)
            if (a.Lon >= v.West && a.Lon <= v.East && a.Lat >= v.South && a.Lat <= v.North) n++;
        return n;
    }
}
