using CityTwin.Import.Mapping;
using CityTwin.Import.Sources;

namespace CityTwin.Import;

/// <summary>
/// What to import. At least one of <see cref="Gu"/> and <see cref="Dong"/>; one file holding both
/// levels goes in either with <see cref="PropertyMapping.Level"/> set.
/// </summary>
/// <param name="Id">The new city's id (lower-case letters, digits, '-'): the pack folder and the city grain's key.</param>
/// <param name="Name">The city's name, used for every UI language that <paramref name="Names"/> does not give.</param>
/// <param name="Crs">Overrides the CRS of every file (<c>EPSG:32648</c>, or WKT); for files that name none.</param>
/// <param name="MappingSource">How the mapping is named in messages (its file name, or "form").</param>
/// <param name="TimeZone">IANA time zone; when null, the template's is borrowed (and marked so).</param>
/// <param name="Locale">BCP 47 locale; when null, the template's is borrowed.</param>
/// <param name="Attribution">Credit for the boundary data, shown with the map.</param>
public sealed record CityImportRequest(
    string Id,
    string Name,
    SourceFile? Gu,
    SourceFile? Dong,
    SourceFile? Buildings = null,
    SourceFile? Roads = null,
    string? Crs = null,
    PropertyMapping? Mapping = null,
    string MappingSource = "mapping",
    string? TimeZone = null,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? Names = null,
    string? Attribution = null);
