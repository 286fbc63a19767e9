namespace CityTwin.Web.Indicators.Public;

/// <summary>
/// The city or one district: its real profile (census residents, area of the boundary), its
/// performance index (1.0 = on target; null when no figure could be computed) and its figures.
/// </summary>
public sealed record PublicArea(
    string Code,
    string Level,
    string NameEn,
    string NameKo,
    int Population,
    double AreaKm2,
    double DensityPerKm2,
    double? PerformanceIndex,
    IReadOnlyList<PublicFigure> Figures);
