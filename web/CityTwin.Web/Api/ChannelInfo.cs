namespace CityTwin.Web.Api;

public sealed record ChannelInfo(string Name, string Unit);
