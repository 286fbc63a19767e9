namespace CityTwin.Web.Stakeholders;

/// <summary>Registers stakeholder lenses (the pack's defaults and the durable catalogue).</summary>
public static class StakeholderServices
{
    public static IServiceCollection AddCityTwinStakeholders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PackLenses.Load(configuration));
        services.AddSingleton<LensCatalog>();
        return services;
    }
}
