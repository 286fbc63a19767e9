using NetTopologySuite.Geometries;

namespace CityTwin.Import.Sources;

/// <summary>
/// One feature as read from a file, before any checking: its position, its geometry in the file's
/// own CRS (null with <paramref name="GeometryError"/> when it could not be read) and its
/// properties by field name.
/// </summary>
public sealed record SourceFeature(
    int Index,
    Geometry? Geometry,
    IReadOnlyDictionary<string, object?> Properties,
    string? GeometryError = null);
