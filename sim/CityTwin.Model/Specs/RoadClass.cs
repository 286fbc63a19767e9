namespace CityTwin.Model.Specs;

public enum RoadClass
{
    Motorway = 0,
    Primary = 1,
    Secondary = 2,
    Local = 3,
    Footway = 4,
}
