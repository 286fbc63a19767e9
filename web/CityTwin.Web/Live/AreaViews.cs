using CityTwin.Abstractions.Areas;
using CityTwin.Model.City;
using NetTopologySuite.Geometries;

namespace CityTwin.Web.Live;

/// <summary>
/// Which areas a viewport shows, so <c>districts</c> frames carry only those: a gu or dong whose
/// boundary's bounding box meets the viewport, and always the city (the header shows its KPIs).
/// </summary>
public sealed class AreaViews
{
    private readonly Dictionary<(AreaLevel, string), Envelope> _bounds = [];
    private readonly AreaIndex _index;

    public AreaViews(CityCatalog catalog, AreaIndex index)
    {
        _index = index;
        foreach (var d in catalog.Districts) _bounds[(AreaLevel.Gu, d.Code)] = d.Boundary.EnvelopeInternal;
        foreach (var d in catalog.Dongs) _bounds[(AreaLevel.Dong, d.Code)] = d.Boundary.EnvelopeInternal;
    }

    /// <summary>True for every area until the client has said where it looks.</summary>
    public bool Shows(Viewport? viewport, (AreaLevel Level, string Code) area)
    {
        if (viewport is not { } v || area.Level == AreaLevel.City) return true;
        if (!_bounds.TryGetValue(area, out var e)) return true;
        return e.MinX <= v.East && e.MaxX >= v.West && e.MinY <= v.North && e.MaxY >= v.South;
    }

    /// <summary>The areas <paramref name="viewport"/> shows, as a set over <see cref="AreaIndex"/> (worked out once per viewport, not per frame).</summary>
    public AreaSet InView(Viewport viewport)
    {
        var set = new AreaSet(_index.Count);
        for (var i = 0; i < _index.Count; i++)
            if (Shows(viewport, _index.KeyOf(i))) set.Add(i);
        return set;
    }
}
