namespace CityTwin.Web.Api;

/// <summary>An asset kind with its channels and alarm rules (for legends and inspectors).</summary>
public sealed record KindInfo(string Kind, string NameEn, IReadOnlyList<ChannelInfo> Channels, IReadOnlyList<RuleInfo> Rules, int Count);
