namespace CityTwin.Import.Model;

/// <summary>
/// Everything read, checked and reprojected from the user's files, ready to be previewed or
/// written as a pack. <see cref="Notes"/> lists what was repaired or assumed.
/// </summary>
public sealed record ImportedCity(
    CityImportRequest Request,
    IReadOnlyList<ImportedArea> Gu,
    IReadOnlyList<ImportedArea> Dongs,
    IReadOnlyList<ImportedBuilding> Buildings,
    IReadOnlyList<ImportedRoad> Roads,
    NetTopologySuite.Geometries.Geometry Outline,
    IReadOnlyDictionary<string, string> CrsByFile,
    IReadOnlyList<ImportProblem> Notes);
