namespace CityTwin.Web.Cities;

/// <summary>Registers the installed-pack list, the import and the city switch.</summary>
public static class CityImportSetup
{
    public static IServiceCollection AddCityImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CityPacksOptions>(configuration.GetSection(CityPacksOptions.Section));
        services.AddSingleton<CityPackFolders>();
        services.AddSingleton<CityImportRunner>();
        services.AddSingleton<CitySwitcher>();
        return services;
    }
}
