using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Live;
using CityTwin.Grains.Alarms;
using CityTwin.Grains.Live;
using CityTwin.Grains.Scenarios.Isolation;
using CityTwin.Model.City;
using CityTwin.Scenarios.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Grains;

/// <summary>Registers what the grains need in a silo's container.</summary>
public static class GrainServices
{
    public static IServiceCollection AddCityTwinGrains(this IServiceCollection services, IConfiguration configuration, CityCatalog catalog)
    {
        services.AddSingleton(catalog);
        services.TryAddSingleton<CityTwinMetrics>();
        // One engine per silo: thread-safe, and it caches each definition's city-wide conditions.
        services.AddScenarioIsolation(configuration);
        services.AddSingleton(sp => new ScenarioEngine(catalog, options: new ScenarioEngineOptions { Scheduler = sp.GetRequiredService<ScenarioWorkScheduler>() }));
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ClockOptions>(configuration.GetSection(ClockOptions.Section));
        services.Configure<History.HistoryOptions>(configuration.GetSection(History.HistoryOptions.Section));
        services.Configure<LiveFeedOptions>(configuration.GetSection(LiveFeedOptions.Section));
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<LiveFeed>());
        services.AddHostedService<LiveFeedPump>();
        services.AddCityTwinAlarms(configuration);
        return services;
    }

    /// <summary>In a cluster, a silo also forwards its frames to the web nodes.</summary>
    public static IServiceCollection AddCityTwinFrameForwarding(this IServiceCollection services)
    {
        services.AddHostedService<LiveFrameForwarder>();
        return services;
    }
}
