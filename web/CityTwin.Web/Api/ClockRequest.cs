namespace CityTwin.Web.Api;

/// <summary>Body of <c>POST /api/clock</c>: any of speed (1-360) and paused.</summary>
public sealed record ClockRequest(double? Speed, bool? Paused, DateTimeOffset? SimTime);
