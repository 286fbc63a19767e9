namespace CityTwin.Abstractions.Live;

public enum AreaLevel
{
    City = 0,
    District = 1,
    Neighbourhood = 2,
}
