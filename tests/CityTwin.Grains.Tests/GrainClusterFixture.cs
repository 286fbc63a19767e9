using CityTwin.Abstractions.Storage;
using CityTwin.Grains.Live;
using CityTwin.Model.City;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CityTwin.Grains.Tests;

/// <summary>
/// One in-process silo running the real grains over the real Incheon catalog, shared by a test
/// collection. The live feed's pump is slowed to once an hour so that tests decide when frames
/// leave the silo (<see cref="LiveFeed.Flush"/>) and never race a background flush.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    public IClusterClient Client => Cluster.Client;

    public CityCatalog Catalog => TestCatalog.Incheon;

    /// <summary>The silo's batching publisher (a singleton in the silo's container).</summary>
    public LiveFeed Feed => Cluster.Silos[0].ServiceProvider.GetRequiredService<LiveFeed>();

    public async Task InitializeAsync()
    {
        var catalog = TestCatalog.Incheon;
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCityTwinGrains(host.Configuration, catalog);
            host.Services.Configure<LiveFeedOptions>(o => o.FlushInterval = TimeSpan.FromHours(1));
        });
        // The city persists its clock and keeps itself alive with a reminder.
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(StorageNames.Durable).UseInMemoryReminderService());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is null) return;
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
