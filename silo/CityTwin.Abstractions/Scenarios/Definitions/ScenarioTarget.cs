namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// Where an intervention applies. One flat record (rather than a class per kind) so that it travels
/// as plain JSON and grain messages: <see cref="Code"/> is the gu or dong code, <see cref="Polygon"/>
/// a lon/lat ring (closed or not), <see cref="AssetIds"/> the chosen assets. An asset is inside a
/// polygon when its anchor (a building's interior point, a road's midpoint, a device's position) is.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioTarget")]
public sealed record ScenarioTarget(
    [property: Id(0)] ScenarioTargetKind Kind,
    [property: Id(1)] string? Code = null,
    [property: Id(2)] IReadOnlyList<GeoPoint>? Polygon = null,
    [property: Id(3)] IReadOnlyList<string>? AssetIds = null)
{
    public static ScenarioTarget City() => new(ScenarioTargetKind.City);

    public static ScenarioTarget Gu(string code) => new(ScenarioTargetKind.Gu, Code: code);

    public static ScenarioTarget Dong(string code) => new(ScenarioTargetKind.Dong, Code: code);

    public static ScenarioTarget InPolygon(IReadOnlyList<GeoPoint> ring) => new(ScenarioTargetKind.Polygon, Polygon: ring);

    public static ScenarioTarget Assets(IReadOnlyList<string> ids) => new(ScenarioTargetKind.Assets, AssetIds: ids);
}
