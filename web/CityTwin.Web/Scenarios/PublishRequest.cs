namespace CityTwin.Web.Scenarios;

/// <summary>Body of <c>POST /api/scenarios/{id}/publish</c>.</summary>
public sealed record PublishRequest(bool? Published);
