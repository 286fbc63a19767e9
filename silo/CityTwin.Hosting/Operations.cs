using CityTwin.Abstractions.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace CityTwin.Hosting;

/// <summary>Metrics every process with HTTP exposes at <c>/metrics</c> in Prometheus text format.</summary>
public static class Operations
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddCityTwinMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<CityTwinMetrics>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(CityTwinMetrics.MeterName, "Microsoft.Orleans")
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps <c>/metrics</c>; the web app puts it behind a policy, a silo serves it on its internal port.</summary>
    public static IEndpointConventionBuilder MapCityTwinMetrics(this IEndpointRouteBuilder app)
    {
        // The meter is created lazily by DI: resolve it so its instruments exist from the first scrape.
        app.ServiceProvider.GetRequiredService<CityTwinMetrics>();
        return app.MapPrometheusScrapingEndpoint(MetricsPath);
    }
}
