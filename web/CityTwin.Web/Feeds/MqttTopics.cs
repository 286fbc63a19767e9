namespace CityTwin.Web.Feeds;

/// <summary>
/// The feed's topics: <c>citytwin/{city}/{kind}/{assetId}</c> carries one reading of one asset
/// (<c>{ts?, values}</c>), <c>citytwin/{city}/gateway</c> a batch (the HTTP batch's JSON).
/// </summary>
public static class MqttTopics
{
    public const string Root = "citytwin";
    public const string Gateway = "gateway";

    /// <summary>The filter that catches every feed topic of <paramref name="city"/>.</summary>
    public static string AllOf(string city) => $"{Root}/{city}/#";

    public static string GatewayOf(string city) => $"{Root}/{city}/{Gateway}";

    public static string AssetOf(string city, string kind, string assetId) => $"{Root}/{city}/{kind}/{assetId}";
}
