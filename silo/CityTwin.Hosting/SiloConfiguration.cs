using System.Net;
using CityTwin.Abstractions.Storage;
using CityTwin.Grains;
using CityTwin.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace CityTwin.Hosting;

/// <summary>Configures a silo for either hosting mode from the <c>Orleans</c> section.</summary>
public static class SiloConfiguration
{
    public static ISiloBuilder UseCityTwinSilo(this ISiloBuilder silo, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new OrleansHostingOptions();
        if (options.Mode == HostingMode.Embedded) UseEmbedded(silo, options, contentRoot);
        else UseCluster(silo, options, ClusterConnectionString(configuration));

        silo.AddDashboard(DashboardSettings.Configure);
        return silo;
    }

    /// <summary>The PostgreSQL connection string; cluster mode cannot start without one.</summary>
    public static string ClusterConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(OrleansHostingOptions.ConnectionStringName) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"Orleans:Mode is Cluster but ConnectionStrings:{OrleansHostingOptions.ConnectionStringName} is empty: " +
                "set it (environment ConnectionStrings__Orleans) to the PostgreSQL database prepared by deploy/sql/create-database.sh");

    private static void UseEmbedded(ISiloBuilder silo, OrleansHostingOptions options, string contentRoot)
    {
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        var directory = Path.GetFullPath(options.DataDirectory, contentRoot);
        silo.AddSqliteGrainStorage(StorageNames.Durable, o =>
        {
            o.DataSource = Path.Combine(directory, options.StoreFile);
            o.BusyTimeout = options.StoreBusyTimeout;
            o.GrainStorageSerializer = new JsonGrainStateSerializer();
        });
        // Reminders only keep grains awake and checkpointing; each grain registers its own again
        // when it activates, so an in-memory table loses nothing that matters in one process.
        silo.UseInMemoryReminderService();
    }

    private static void UseCluster(ISiloBuilder silo, OrleansHostingOptions options, string connectionString)
    {
        if (options.Kubernetes)
        {
            // The pod's name, IP and the cluster/service ids come from the downward API.
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            var address = string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) ? IPAddress.Loopback : IPAddress.Parse(options.AdvertisedIPAddress);
            silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }

        silo.Services.AddCityTwinFrameForwarding();
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = OrleansHostingOptions.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddIsolatedAdoNetGrainStorage(StorageNames.Durable, o =>
        {
            o.Invariant = OrleansHostingOptions.AdoNetInvariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new JsonGrainStateSerializer();
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = OrleansHostingOptions.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });

        // Failure detection tuned for a control room: the defaults take 8-15 s to declare a killed
        // silo dead; probing every second and one vote (two silos suffice) brings it to ~2-4 s.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
    }
}
