namespace CityTwin.Scenarios.Results;

/// <summary>The administrative level of an area result.</summary>
public enum AreaLevel
{
    City = 0,
    Gu = 1,
    Dong = 2,
}
