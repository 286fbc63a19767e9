namespace CityTwin.Web.Indicators.Public;

/// <summary>
/// Where an intervention applied: the city, a gu or dong (code and names), a drawn area or a
/// number of chosen assets (<see cref="Count"/>; which assets is operational detail and stays out).
/// </summary>
public sealed record PublicScenarioTarget(string Kind, string? Code, string? NameEn, string? NameKo, int? Count);
