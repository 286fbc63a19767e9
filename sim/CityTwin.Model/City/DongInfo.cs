using NetTopologySuite.Geometries;

namespace CityTwin.Model.City;

/// <summary>
/// An administrative dong with its real boundary. <see cref="Population"/> is an estimate: the
/// census gives population per gu only, and Korean administrative dongs are drawn to hold
/// similar numbers of residents, so a gu's population is split evenly across its dongs.
/// </summary>
public sealed record DongInfo(
    string Code,
    string GuCode,
    string NameEn,
    string NameKo,
    double AreaKm2,
    int Population,
    Geometry Boundary)
{
    public double DensityPerKm2 => AreaKm2 > 0 ? Population / AreaKm2 : 0;
}
