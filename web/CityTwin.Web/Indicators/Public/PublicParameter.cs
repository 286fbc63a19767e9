namespace CityTwin.Web.Indicators.Public;

/// <summary>A parameter of an assumption with its unit.</summary>
public sealed record PublicParameter(string Name, double Value, string Unit);
