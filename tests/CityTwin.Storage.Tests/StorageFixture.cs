using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CityTwin.Storage.Tests;

/// <summary>
/// One database and one real silo host per test class, with the store under test registered as a
/// named grain storage provider; more hosts on the same database can be started for restart tests.
/// </summary>
public abstract class StorageFixture : IAsyncLifetime
{
    public const string ProviderName = "conformance";

    // Stores may scope records by service id (the ADO.NET one does), so every host of one fixture
    // shares it; cluster ids differ so that the hosts never try to join one another.
    private const string ServiceId = "citytwin-storage-tests";

    private StorageHost? _host;

    /// <summary>The provider of the fixture's long-lived host.</summary>
    public IGrainStorage Storage => (_host ?? throw new InvalidOperationException("The fixture host is not started.")).Storage;

    public async Task InitializeAsync()
    {
        await PrepareDatabaseAsync();
        _host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
        finally
        {
            await DeleteDatabaseAsync();
        }
    }

    /// <summary>Starts another silo on the fixture's database, with its own container and provider instance.</summary>
    public async Task<StorageHost> StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        // Each port was free when asked for, but the OS may hand the same one out twice in a row.
        while (gatewayPort == siloPort)
        {
            gatewayPort = FreePort.Next();
        }

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: $"storage-{Guid.NewGuid():N}");
            AddStorage(silo, ProviderName);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return new StorageHost(host, host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderName));
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Creates the empty database the fixture's hosts share.</summary>
    protected abstract Task PrepareDatabaseAsync();

    /// <summary>Registers the store under test as grain storage <paramref name="name"/>.</summary>
    protected abstract void AddStorage(ISiloBuilder silo, string name);

    /// <summary>Removes the database once every host is gone.</summary>
    protected abstract Task DeleteDatabaseAsync();
}
