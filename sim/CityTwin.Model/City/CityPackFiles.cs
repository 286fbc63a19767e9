namespace CityTwin.Model.City;

/// <summary>
/// The data files of a pack, relative to its folder. The boundaries are required; the others are
/// optional (null when the pack has none).
/// </summary>
/// <param name="Gu">Districts (gu/gun): code, name_en, name_ko, polygon.</param>
/// <param name="Dong">Neighbourhoods (dong): code, gu_code, name_en, name_ko, polygon.</param>
/// <param name="Outline">The city outline: one polygon feature.</param>
/// <param name="Sites">Field-visit sites (points).</param>
/// <param name="Population">Census population per gu (CSV: gu_code, pop_census_2015, pop_census_2020).</param>
/// <param name="Buildings">Mapped building footprints.</param>
/// <param name="Roads">Mapped road centrelines.</param>
public sealed record CityPackFiles(
    string Gu,
    string Dong,
    string Outline,
    string? Sites,
    string? Population,
    string? Buildings,
    string? Roads);
