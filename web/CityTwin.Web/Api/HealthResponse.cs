using System.Text.Json.Serialization;

namespace CityTwin.Web.Api;

/// <summary>
/// Answer of <c>/healthz</c>: <c>live</c> (200) with what is loaded and moving, or <c>starting</c>
/// (503, counts left out) while the twin has not yet seen a tick or frame.
/// </summary>
public sealed record HealthResponse(
    string Status,
    string City,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Assets = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Ticks = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Frames = null);
