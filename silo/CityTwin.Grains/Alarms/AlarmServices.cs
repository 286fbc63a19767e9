using CityTwin.Model.City;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Grains.Alarms;

/// <summary>Registers the silo's alarm rule cache and the alarm books' settings.</summary>
public static class AlarmServices
{
    public static IServiceCollection AddCityTwinAlarms(this IServiceCollection services, IConfiguration configuration)
    {
        // Read at start so that a broken alarm-rules.json stops the process naming the file and field.
        var packRules = AlarmRulePackReader.Load(CityPackLocator.Find(
            configuration["City:Name"] is { Length: > 0 } name ? name : "incheon", configuration["City:Path"]));
        services.AddSingleton(packRules);
        services.AddHostedService<AlarmRulePackLog>();
        services.Configure<AlarmBookOptions>(configuration.GetSection(AlarmBookOptions.Section));
        services.AddSingleton<AlarmRuleCache>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmRuleCache>());
        services.AddSingleton<AlarmOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmOutbox>());
        return services;
    }
}
