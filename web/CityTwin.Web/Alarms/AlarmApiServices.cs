namespace CityTwin.Web.Alarms;

/// <summary>Registers the web side of the control room: the alarm directory, wire items and push.</summary>
public static class AlarmApiServices
{
    public static IServiceCollection AddCityTwinAlarmApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlarmOptions>(configuration.GetSection(AlarmOptions.Section));
        services.AddSingleton<AlarmDirectory>();
        services.AddSingleton<AlarmItems>();
        services.AddSingleton<AlarmAudience>();
        services.AddSingleton<AlarmSummaryPush>();
        services.AddSingleton<AlarmPush>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmPush>());
        return services;
    }
}
