namespace CityTwin.Web.Feeds;

/// <summary>
/// MQTT (section <c>Feeds:Mqtt</c>). Embedded mode hosts a broker in the app; a cluster's web
/// nodes subscribe to the city's broker at <see cref="Broker"/> instead.
/// </summary>
public sealed record MqttFeedOptions
{
    /// <summary>Off: no embedded broker and no subscription.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Port of the embedded broker (MQTT's registered port by default).</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Address the embedded broker listens on; all interfaces by default, since devices are on the network.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>Cluster mode: the city's broker as <c>host:port</c>; unset, a web node subscribes to nothing.</summary>
    public string? Broker { get; init; }

    /// <summary>Cluster mode: the account the web nodes use on the city's broker (it authenticates devices itself).</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>
    /// Cluster mode: the shared-subscription group of the web nodes. The broker hands each message
    /// to one node of the group, so N web nodes ingest a message once, not N times.
    /// </summary>
    public string SharedGroup { get; init; } = "citytwin-web";

    /// <summary>How long single messages gather before they go to the grains as one batch per dong.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Most readings waiting for a flush; past it new ones are dropped and counted (the grains are behind).</summary>
    public int MaxPending { get; init; } = 2_000_000;

    /// <summary>Largest message payload; a gateway batch is also held to <see cref="FeedOptions.MaxBatchItems"/>.</summary>
    public int MaxPayloadBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How long an accepted MQTT password (feed token) is trusted before the accounts store is asked again.</summary>
    public TimeSpan CredentialCache { get; init; } = TimeSpan.FromMinutes(1);
}
