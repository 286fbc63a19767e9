using CityTwin.Import.Crs;

namespace CityTwin.Import.Sources;

/// <summary>
/// The features of one file with its field names and the CRS the file declares (null when it names
/// none: a Shapefile without .prj, a GeoJSON without a crs member).
/// </summary>
public sealed record SourceLayer(
    string FileName,
    IReadOnlyList<SourceFeature> Features,
    IReadOnlyList<string> Fields,
    CrsDefinition? DeclaredCrs,
    bool LonLatByDefault);
