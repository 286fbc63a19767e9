namespace CityTwin.Web.Feeds;

/// <summary>An item of a batch that was not taken, by its position in the batch and why.</summary>
public sealed record FeedRejection(int Index, string Reason);
