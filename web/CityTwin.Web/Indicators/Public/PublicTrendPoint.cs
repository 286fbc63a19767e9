namespace CityTwin.Web.Indicators.Public;

/// <summary>A point of a trend: the indicator's value in the half hour of simulated time starting at <see cref="At"/>.</summary>
public sealed record PublicTrendPoint(DateTimeOffset At, double Value);
