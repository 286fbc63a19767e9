using CityTwin.Testing;
using CityTwin.Abstractions.Storage;
using CityTwin.Grains;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Benchmarks;

/// <summary>
/// An Orleans silo in this process with the real grains over a given catalog, on free loopback
/// ports (never the app's defaults), logging warnings only so the console does not cost CPU.
/// </summary>
public static class SiloHost
{
    public static async Task<IHost> StartAsync(CityCatalog catalog, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var cluster = $"bench-{Environment.ProcessId}";
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort.Next(), FreePort.Next(), serviceId: cluster, clusterId: cluster)
            .AddMemoryGrainStorage(StorageNames.Durable)
            .UseInMemoryReminderService());
        builder.Services.AddCityTwinGrains(builder.Configuration, catalog);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
