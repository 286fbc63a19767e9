using CityTwin.Model.City;

namespace CityTwin.Web.Tours;

/// <summary>Registers tours, their presentations and the relay of presentations to this node's followers.</summary>
public static class TourServices
{
    public static IServiceCollection AddCityTwinTours(this IServiceCollection services, IConfiguration configuration, CityCatalog city)
    {
        services.AddSingleton(PackTours.Load(configuration, city));
        services.AddSingleton<TourValidator>();
        services.AddSingleton<TourCatalog>();
        services.AddSingleton<TourSessionRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<TourSessionRelay>());
        return services;
    }
}
