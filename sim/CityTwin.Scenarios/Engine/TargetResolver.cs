using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Scenarios.Definitions;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// Answers "is this asset (or dong) in the target?" for one validated target. An asset is in a
/// polygon when its anchor is; a dong is when its interior point is (dong-level effects such as EV
/// adoption follow the residents, who are counted per dong).
/// </summary>
internal sealed class TargetResolver
{
    private readonly ScenarioTarget _target;
    private readonly IPointOnGeometryLocator? _polygon;
    private readonly HashSet<string>? _assetIds;
    private readonly HashSet<string>? _assetDongs;

    public TargetResolver(ScenarioTarget target, CityCatalog city)
    {
        _target = target;
        switch (target.Kind)
        {
            case ScenarioTargetKind.Polygon:
                var polygon = PolygonBuilder.TryBuild(target.Polygon, out var problem)
                    ?? throw new ArgumentException($"invalid polygon: {problem}", nameof(target));
                _polygon = new IndexedPointInAreaLocator(polygon);
                break;
            case ScenarioTargetKind.Assets:
                _assetIds = new HashSet<string>(target.AssetIds ?? [], StringComparer.Ordinal);
                _assetDongs = new HashSet<string>(StringComparer.Ordinal);
                foreach (var id in _assetIds)
                    if (city.FindAsset(id) is { } a) _assetDongs.Add(a.DongCode);
                break;
        }
    }

    public bool Contains(AssetDescriptor asset) => _target.Kind switch
    {
        ScenarioTargetKind.City => true,
        ScenarioTargetKind.Gu => asset.GuCode == _target.Code,
        ScenarioTargetKind.Dong => asset.DongCode == _target.Code,
        ScenarioTargetKind.Polygon => _polygon!.Locate(new Coordinate(asset.Lon, asset.Lat)) != Location.Exterior,
        ScenarioTargetKind.Assets => _assetIds!.Contains(asset.Id),
        _ => false,
    };

    public bool ContainsDong(DongInfo dong) => _target.Kind switch
    {
        ScenarioTargetKind.City => true,
        ScenarioTargetKind.Gu => dong.GuCode == _target.Code,
        ScenarioTargetKind.Dong => dong.Code == _target.Code,
        ScenarioTargetKind.Polygon => _polygon!.Locate(dong.Boundary.InteriorPoint.Coordinate) != Location.Exterior,
        ScenarioTargetKind.Assets => _assetDongs!.Contains(dong.Code),
        _ => false,
    };
}
