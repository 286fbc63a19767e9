namespace CityTwin.Web.Live;

/// <summary>An asset kind in the directory: its wire name and its channels in frame order.</summary>
public sealed record AssetDirectoryKind(string Kind, IReadOnlyList<string> Channels);
