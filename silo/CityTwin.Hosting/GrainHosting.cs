using CityTwin.Grains;
using CityTwin.Model.City;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Hosting;

/// <summary>
/// What a process hosting grains (a silo, or the embedded web app) registers for them. Hosting is
/// the one place that knows the grain implementations: programs call this, so the web app compiles
/// against the grain contracts only and cannot come to depend on how grains work inside.
/// </summary>
public static class GrainHosting
{
    public static IServiceCollection AddCityTwinGrainServices(this IServiceCollection services, IConfiguration configuration, CityCatalog catalog) =>
        services.AddCityTwinGrains(configuration, catalog);
}
