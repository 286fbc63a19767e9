using CityTwin.Abstractions.Areas;
using CityTwin.Model.City;
using CityTwin.Web.Live;

namespace CityTwin.Web.Tests;

/// <summary>The numbering behind the fan-out's area bitsets, on the real Incheon pack.</summary>
public sealed class AreaIndexTests
{
    private static readonly CityCatalog Incheon = CityPackLoader.Load(CityPackLocator.Find("incheon"));

    [Fact]
    public void Every_area_of_the_pack_has_one_number_and_back()
    {
        var index = new AreaIndex(Incheon);
        Assert.Equal(1 + Incheon.Districts.Count + Incheon.Dongs.Count, index.Count);
        Assert.Equal(index.Count, index.All.Count);
        var keys = Enumerable.Range(0, index.Count).Select(index.KeyOf).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains((AreaLevel.City, Incheon.Id), keys);
        foreach (var d in Incheon.Dongs)
        {
            Assert.True(index.TryNumberOf((AreaLevel.Dong, d.Code), out var n));
            Assert.Equal((AreaLevel.Dong, d.Code), index.KeyOf(n));
        }
        // A frame naming an area the pack does not know adds nothing.
        var set = index.SetOf([(AreaLevel.Dong, "not-a-dong"), (AreaLevel.Gu, Incheon.Districts[0].Code)]);
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void A_viewport_shows_the_city_and_the_areas_it_meets_and_not_the_others()
    {
        var index = new AreaIndex(Incheon);
        var views = new AreaViews(Incheon, index);
        var dong = Incheon.Dongs[0];
        var e = dong.Boundary.EnvelopeInternal;
        var (lon, lat) = (e.Centre.X, e.Centre.Y);
        var inView = views.InView(new Viewport(lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001, 16));

        var shown = inView.Indexes().Select(index.KeyOf).ToList();
        Assert.Contains((AreaLevel.City, Incheon.Id), shown);
        Assert.Contains((AreaLevel.Dong, dong.Code), shown);
        Assert.Contains(shown, a => a.Level == AreaLevel.Gu);
        var far = Incheon.Dongs.First(d => d.Boundary.EnvelopeInternal.MinX > e.MaxX + 0.05 || d.Boundary.EnvelopeInternal.MaxX < e.MinX - 0.05);
        Assert.DoesNotContain((AreaLevel.Dong, far.Code), shown);
        // Exactly the areas Shows() names, worked out once.
        for (var i = 0; i < index.Count; i++)
            Assert.Equal(views.Shows(new Viewport(lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001, 16), index.KeyOf(i)), inView.Contains(i));
    }
}
