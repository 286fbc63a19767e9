namespace CityTwin.Web.Indicators;

/// <summary>Body of <c>PUT /api/indicators/{indicatorId}/target</c>: the new target in the indicator's unit.</summary>
public sealed record IndicatorTargetRequest(double? Value);
