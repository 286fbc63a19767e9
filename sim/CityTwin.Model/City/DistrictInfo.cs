using NetTopologySuite.Geometries;

namespace CityTwin.Model.City;

/// <summary>A gu/gun with its real boundary and census population.</summary>
public sealed record DistrictInfo(
    string Code,
    string NameEn,
    string NameKo,
    double AreaKm2,
    int Population,
    Geometry Boundary);
