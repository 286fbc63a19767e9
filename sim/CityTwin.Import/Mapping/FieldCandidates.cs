namespace CityTwin.Import.Mapping;

/// <summary>
/// The field names looked for when the mapping names none: those of the city pack format, of
/// OpenStreetMap exports and of common national boundary files (Korean SGIS, GADM). Matched
/// without regard to case.
/// </summary>
public static class FieldCandidates
{
    public static IReadOnlyList<string> Code { get; } = ["code", "adm_cd", "adm_code", "sig_cd", "id", "ref", "gid"];

    public static IReadOnlyList<string> Name { get; } = ["name_en", "name:en", "name", "nm", "adm_nm", "sig_eng_nm", "name_1", "name_2", "name_3"];

    public static IReadOnlyList<string> NameLocal { get; } = ["name_ko", "name_local", "sig_kor_nm", "name"];

    public static IReadOnlyList<string> Population { get; } = ["population", "pop", "pop_census_2020", "pop_census_2015", "pop_total"];

    public static IReadOnlyList<string> Parent { get; } = ["gu_code", "parent", "parent_code", "sig_cd"];

    public static IReadOnlyList<string> Height { get; } = ["height_m", "height"];

    public static IReadOnlyList<string> Levels { get; } = ["building:levels", "levels", "floors"];

    public static IReadOnlyList<string> RoadClass { get; } = ["road_class", "highway", "class", "fclass"];

    public static IReadOnlyList<string> Lanes { get; } = ["lanes"];
}
