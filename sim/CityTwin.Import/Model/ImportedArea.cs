namespace CityTwin.Import.Model;

/// <summary>A gu or dong as it goes into the pack: lon/lat boundary, code, names, population when known.</summary>
public sealed record ImportedArea(
    string Code,
    string Name,
    string NameLocal,
    double? Population,
    string? ParentCode,
    NetTopologySuite.Geometries.Geometry Boundary);
