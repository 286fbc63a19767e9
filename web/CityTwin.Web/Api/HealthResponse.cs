namespace CityTwin.Web.Api;

/// <summary>
/// Answer of <c>/healthz</c>: <c>live</c> (200) with what is loaded and moving, or <c>starting</c>
/// (503, counts left out) while the twin has not yet seen a tick or frame.
/// </summary>
public sealed record HealthResponse(string Status, string City, int? Assets = null, long? Ticks = null, long? Frames = null);
