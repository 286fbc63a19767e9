using CityTwin.Model.City;

namespace CityTwin.Web.Feeds;

/// <summary>One validated reading of a real feed: the asset, its values in channel order, and when they were measured.</summary>
public readonly record struct FeedReading(AssetDescriptor Asset, double[] Values, DateTimeOffset At);
