using CityTwin.Hosting;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Web.Indicators;

/// <summary>Registers the public indicators: the pack's indicators.json is read at start, so a broken file stops the process.</summary>
public static class IndicatorServices
{
    public static IServiceCollection AddPublicIndicators(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        services.AddSingleton(IndicatorPackReader.Read(CityPackLocator.Find(options.Name, options.Path)));
        services.AddSingleton<IIndicatorHistory, DistrictGrainHistory>();
        services.AddSingleton<PublicScenarios>();
        services.AddSingleton<PublicIndicatorsBuilder>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
