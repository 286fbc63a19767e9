namespace CityTwin.Web.Feeds;

/// <summary>Body of <c>POST /api/simulation/sources</c>: one kind (wire name) or one asset, simulated or left to a feed.</summary>
public sealed record SourceRequest(string? Kind, string? AssetId, bool? Simulated);
