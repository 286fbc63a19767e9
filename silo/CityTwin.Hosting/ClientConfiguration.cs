using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace CityTwin.Hosting;

/// <summary>Configures an Orleans client (web node or simulator) of a cluster on PostgreSQL.</summary>
public static class ClientConfiguration
{
    public static IClientBuilder UseCityTwinCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new OrleansHostingOptions();
        var connectionString = SiloConfiguration.ClusterConnectionString(configuration);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = OrleansHostingOptions.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        // A dead gateway must leave the list within seconds, not the default minute.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        // A request in flight through a gateway that dies gets no answer and waits for this timeout
        // (Orleans does not fail it early). Web and simulator calls take milliseconds and long work
        // is asynchronous, so 5 s bounds the stall; the API then answers 503 with Retry-After.
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        client.AddOutgoingGrainCallFilter<RetryRejectedCallsFilter>();
        // Processes may start in any order: wait for a silo instead of failing at start-up.
        client.UseConnectionRetryFilter<WaitForSiloRetryFilter>();
        return client;
    }

    /// <summary>Whether configuration puts this process in a cluster.</summary>
    public static bool IsCluster(IConfiguration configuration) =>
        configuration.GetValue(OrleansHostingOptions.Section + ":" + nameof(OrleansHostingOptions.Mode), HostingMode.Embedded) == HostingMode.Cluster;
}
