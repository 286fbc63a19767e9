namespace CityTwin.Model.Specs;

public enum BuildingUse
{
    Residential = 0,
    Office = 1,
    Commercial = 2,
    Education = 3,
    Public = 4,
    Industrial = 5,
}
