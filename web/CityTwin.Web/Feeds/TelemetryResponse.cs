namespace CityTwin.Web.Feeds;

/// <summary>The answer to a telemetry batch: how many readings were taken and which were not.</summary>
public sealed record TelemetryResponse(int Accepted, IReadOnlyList<FeedRejection> Rejected);
