namespace CityTwin.Abstractions.Areas;

/// <summary>
/// The administrative level of an area: the city, a gu (district) or a dong (neighbourhood).
/// One vocabulary for live frames, scenario results and the API, where it reads "city", "gu", "dong".
/// </summary>
public enum AreaLevel
{
    City = 0,
    Gu = 1,
    Dong = 2,
}
