using CityTwin.Testing;

namespace CityTwin.Web.Tests;

/// <summary>The real app hosting the synthetic southern-hemisphere pack through <c>City:Path</c>.</summary>
public sealed class SecondCityHost : IAsyncLifetime
{
    public SyntheticCityPack Pack { get; } = new();

    public TwinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = TwinAppFactory.ForCity(Pack.Directory);
        await ((IAsyncLifetime)App).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        Pack.Dispose();
    }
}
