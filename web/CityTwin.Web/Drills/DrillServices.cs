using CityTwin.Model.City;

namespace CityTwin.Web.Drills;

/// <summary>Registers drills: the pack's catalogue, the runs' directory and the waking of running runs at start.</summary>
public static class DrillServices
{
    public static IServiceCollection AddCityTwinDrills(this IServiceCollection services, IConfiguration configuration, CityCatalog city)
    {
        services.AddSingleton(PackDrills.Load(configuration, city));
        services.AddSingleton<DrillCatalog>();
        services.AddSingleton<DrillDirectory>();
        services.AddHostedService<DrillResumer>();
        return services;
    }
}
