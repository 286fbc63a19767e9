using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Grains.Alarms;

/// <summary>Registers the silo's alarm rule cache and the alarm books' settings.</summary>
public static class AlarmServices
{
    public static IServiceCollection AddCityTwinAlarms(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlarmBookOptions>(configuration.GetSection(AlarmBookOptions.Section));
        services.AddSingleton<AlarmRuleCache>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmRuleCache>());
        services.AddSingleton<AlarmOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmOutbox>());
        return services;
    }
}
