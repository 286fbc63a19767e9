using CityTwin.Model.City;
using CityTwin.Model.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Simulation;

/// <summary>Registers the live simulator (the catalog must already be registered).</summary>
public static class SimulationServices
{
    public static IServiceCollection AddCityTwinSimulation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SimulationOptions>(configuration.GetSection(SimulationOptions.Section));
        services.AddSingleton(sp => new TelemetryGenerator(
            sp.GetRequiredService<CityCatalog>(), sp.GetRequiredService<IOptions<SimulationOptions>>().Value.Seed));
        services.AddSingleton<SimulatorStatus>();
        services.AddSingleton<SimulationEngine>();
        services.AddHostedService<LiveSimulator>();
        return services;
    }
}
