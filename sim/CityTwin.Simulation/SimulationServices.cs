using CityTwin.Model.City;
using CityTwin.Model.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Simulation;

/// <summary>Registers the models and the live simulator (the catalog must already be registered).</summary>
public static class SimulationServices
{
    public static IServiceCollection AddCityTwinSimulation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCityTwinModels(configuration);
        services.AddSingleton<SimulatedAssets>();
        services.AddSingleton<SimulationEngine>();
        services.AddHostedService<LiveSimulator>();
        return services;
    }

    /// <summary>
    /// The models without the feeder: what a web node of a cluster needs to describe conditions
    /// (weather, sun) the same way the simulator process computes them.
    /// </summary>
    public static IServiceCollection AddCityTwinModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SimulationOptions>(configuration.GetSection(SimulationOptions.Section));
        services.AddSingleton(sp => new TelemetryGenerator(
            sp.GetRequiredService<CityCatalog>(), sp.GetRequiredService<IOptions<SimulationOptions>>().Value.Seed));
        services.AddSingleton<SimulatorStatus>();
        return services;
    }
}
