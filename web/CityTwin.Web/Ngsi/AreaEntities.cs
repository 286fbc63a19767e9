using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using CityTwin.Web.Live;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// The areas (the city, every gu and dong) through their KPIs: one <c>KeyPerformanceIndicator</c> per
/// area and KPI, located by the area's boundary (simplified to about 30 m, once, so answers stay small)
/// and valued from the web node's live state.
/// </summary>
public sealed class AreaEntities
{
    /// <summary>Tolerance of the boundary simplification, in degrees (about 30 m at Incheon's latitude).</summary>
    private const double SimplifyDegrees = 0.0003;

    private readonly CityCatalog _catalog;
    private readonly LiveState _state;
    private readonly IReadOnlyList<(AreaLevel Level, string Code, string Name, Geometry Shape)> _areas;

    public AreaEntities(CityCatalog catalog, LiveState state)
    {
        _catalog = catalog;
        _state = state;
        _areas =
        [
            (AreaLevel.City, catalog.Id, catalog.NameEn, Simplify(catalog.Outline)),
            .. catalog.Districts.Select(d => (AreaLevel.Gu, d.Code, d.NameEn, Simplify(d.Boundary))),
            .. catalog.Dongs.Select(d => (AreaLevel.Dong, d.Code, d.NameEn, Simplify(d.Boundary))),
        ];
    }

    public int Count => _areas.Count * KpiDefinitions.All.Count;

    public static string LocalId(AreaLevel level, string code, string kpi) => $"{FrameFactory.LevelName(level)}-{code}-{kpi}";

    public static string UrnOf(AreaLevel level, string code, string kpi) => NgsiLd.Urn(NgsiTypes.KeyPerformanceIndicator.Name, LocalId(level, code, kpi));

    /// <summary>Every KPI entity of every area, valued at <paramref name="at"/> when built.</summary>
    public IEnumerable<NgsiCandidate> Candidates(DateTimeOffset at)
    {
        foreach (var area in _areas)
        {
            foreach (var (name, unit, process) in KpiDefinitions.All)
            {
                var urn = UrnOf(area.Level, area.Code, name);
                yield return new NgsiCandidate(urn, NgsiTypes.KeyPerformanceIndicator.Name, area.Shape, () => Entity(urn, area, name, unit, process, at));
            }
        }
    }

    private NgsiEntity Entity(string urn, (AreaLevel Level, string Code, string Name, Geometry Shape) area, string name, string unit, string process, DateTimeOffset at)
    {
        var kpis = (_state.KpisOf(area.Level, area.Code) ?? KpiSet.Empty).ToPublic();
        return new NgsiEntity(urn, NgsiTypes.KeyPerformanceIndicator.Name, area.Shape,
        [
            NgsiAttribute.Property("name", $"{name} of {area.Name}"),
            NgsiAttribute.Property("description", process),
            NgsiAttribute.Property("category", new[] { "quantitative" }),
            NgsiAttribute.Property("kpiValue", kpis.GetValueOrDefault(name), unit, at),
            NgsiAttribute.Property("calculationPeriod", new Dictionary<string, object> { ["from"] = at, ["to"] = at }),
            NgsiAttribute.Property("calculationMethod", "automatic"),
            NgsiAttribute.Property("organization", _catalog.NameEn),
            NgsiAttribute.Property("process", process),
            NgsiAttribute.Property("area", area.Name),
            NgsiAttribute.Property("updatedAt", at),
            NgsiAttribute.Property("kpiName", name),
            NgsiAttribute.Property("areaLevel", FrameFactory.LevelName(area.Level)),
            NgsiAttribute.Property("areaCode", area.Code),
        ]);
    }

    private static Geometry Simplify(Geometry boundary) => TopologyPreservingSimplifier.Simplify(boundary, SimplifyDegrees);
}
