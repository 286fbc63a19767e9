namespace CityTwin.Web.Api;

/// <summary>Answer of <c>GET /api/assets/{id}</c>.</summary>
public sealed record AssetResponse(
    string Id, string Kind, string Status, string GuCode, string DongCode, string? Name, bool Synthetic,
    double Lon, double Lat, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<ChannelInfo> Channels,
    IReadOnlyDictionary<string, double> Telemetry, DateTimeOffset? UpdatedAt, IReadOnlyList<TelemetryPoint> History);
