namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// Names of the two cost parameters every intervention carries: the capital cost and the yearly
/// operating cost of one unit of what it pays for (<c>InterventionRule.CostUnit</c>).
/// </summary>
public static class CostParameters
{
    public const string Capital = "capitalCost";
    public const string Operating = "operatingCost";
}
