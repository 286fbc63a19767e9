using System.Text.Json;

namespace CityTwin.Web.Cities;

/// <summary>
/// The answer to an upload: what was read (counts, notes on repairs and assumptions), the
/// boundaries to preview on the map (GeoJSON, gu and dong features with a <c>level</c> property,
/// simplified for display) and whether the pack was written.
/// </summary>
public sealed record ImportPreview(
    string Id,
    bool Written,
    int Gu,
    int Dongs,
    int Buildings,
    int Roads,
    IReadOnlyList<ImportProblemInfo> Notes,
    double[] Bounds,
    JsonElement Boundaries);
