namespace CityTwin.Web.Indicators.Public;

/// <summary>An imposed condition or an intervention of a published scenario, with its parameters and where it applied.</summary>
public sealed record PublicAssumption(string Type, string Name, PublicScenarioTarget? Target, IReadOnlyList<PublicParameter> Parameters);
