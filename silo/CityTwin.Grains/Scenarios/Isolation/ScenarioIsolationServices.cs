using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Grains.Scenarios.Isolation;

/// <summary>Registers the silo's scenario queue and worker threads (one of each per silo).</summary>
public static class ScenarioIsolationServices
{
    public static IServiceCollection AddScenarioIsolation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScenarioWorkOptions>(configuration.GetSection(ScenarioWorkOptions.Section));
        services.AddSingleton<ScenarioWorkScheduler>();
        services.AddSingleton<ScenarioRunQueue>();
        return services;
    }
}
