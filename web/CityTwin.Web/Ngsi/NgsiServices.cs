namespace CityTwin.Web.Ngsi;

/// <summary>Registers the NGSI-LD view of the twin.</summary>
public static class NgsiServices
{
    public static IServiceCollection AddNgsiLd(this IServiceCollection services)
    {
        services.AddSingleton<AssetEntities>();
        services.AddSingleton<AreaEntities>();
        services.AddSingleton<WeatherEntities>();
        services.AddSingleton<AlertEntities>();
        services.AddSingleton<NgsiEntities>();
        return services;
    }
}
