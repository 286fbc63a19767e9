using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace CityTwin.Storage.Tests;

/// <summary>A running silo host and the grain storage provider it resolved under the conformance name.</summary>
public sealed class StorageHost(IHost host, IGrainStorage storage) : IAsyncDisposable
{
    public IGrainStorage Storage { get; } = storage;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}
