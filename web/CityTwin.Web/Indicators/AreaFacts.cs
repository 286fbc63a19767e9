namespace CityTwin.Web.Indicators;

/// <summary>The real figures an indicator divides by: census residents and the boundary's area.</summary>
public sealed record AreaFacts(int Population, double AreaKm2);
