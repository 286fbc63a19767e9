namespace CityTwin.Web.Feeds;

/// <summary>Registers the real feeds: HTTP ingestion always, MQTT as embedded broker or cluster subscription.</summary>
public static class FeedServices
{
    public static IServiceCollection AddCityTwinFeeds(this IServiceCollection services, IConfiguration configuration, bool cluster)
    {
        var section = configuration.GetSection(FeedOptions.Section);
        services.Configure<FeedOptions>(section);
        services.AddSingleton<FeedMetrics>();
        services.AddSingleton<TelemetryParser>();
        services.AddSingleton<FeedClock>();
        services.AddSingleton<FeedIngestor>();
        services.AddSingleton<FeedCredentials>();
        services.AddSingleton<MqttFeedBuffer>();
        services.AddSingleton<MqttFeedHandler>();
        var mqtt = section.GetSection(nameof(FeedOptions.Mqtt)).Get<MqttFeedOptions>() ?? new MqttFeedOptions();
        if (!mqtt.Enabled) return services;
        if (cluster && string.IsNullOrWhiteSpace(mqtt.Broker)) return services;
        services.AddHostedService(sp => sp.GetRequiredService<MqttFeedBuffer>());
        if (cluster)
        {
            services.AddSingleton<ClusterMqttSubscriber>();
            services.AddHostedService(sp => sp.GetRequiredService<ClusterMqttSubscriber>());
        }
        else
        {
            services.AddSingleton<EmbeddedMqttBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        }
        return services;
    }

    public static void MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTelemetryEndpoints();
        app.MapSourceEndpoints();
    }
}
