using CityTwin.Abstractions.Areas;
using CityTwin.Model.City;

namespace CityTwin.Web.Live;

/// <summary>
/// Numbers the city's areas (the city, its gu, its dongs) from 0, so that sets of areas can be
/// <see cref="AreaSet"/> bitsets. The numbering comes from the city pack and never changes while
/// the app runs; an area a frame names that the pack does not know is left out of the fan-out.
/// </summary>
public sealed class AreaIndex
{
    private readonly Dictionary<(AreaLevel, string), int> _numbers = [];
    private readonly List<(AreaLevel Level, string Code)> _keys = [];

    public AreaIndex(CityCatalog catalog)
    {
        Add(AreaLevel.City, catalog.Id);
        foreach (var d in catalog.Districts) Add(AreaLevel.Gu, d.Code);
        foreach (var d in catalog.Dongs) Add(AreaLevel.Dong, d.Code);
        All = new AreaSet(_keys.Count);
        for (var i = 0; i < _keys.Count; i++) All.Add(i);
    }

    public int Count => _keys.Count;

    /// <summary>Every area of the city (never changed by callers).</summary>
    public AreaSet All { get; }

    public (AreaLevel Level, string Code) KeyOf(int number) => _keys[number];

    public bool TryNumberOf((AreaLevel, string) area, out int number) => _numbers.TryGetValue(area, out number);

    /// <summary>The known areas among <paramref name="areas"/>.</summary>
    public AreaSet SetOf(IEnumerable<(AreaLevel, string)> areas)
    {
        var set = new AreaSet(_keys.Count);
        foreach (var a in areas)
            if (_numbers.TryGetValue(a, out var n)) set.Add(n);
        return set;
    }

    private void Add(AreaLevel level, string code)
    {
        if (_numbers.TryAdd((level, code), _keys.Count)) _keys.Add((level, code));
    }
}
