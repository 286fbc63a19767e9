using CityTwin.Testing;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityTwin.Web.Tests;

/// <summary>
/// The real web app with its embedded silo and simulator, on free Orleans ports and a faster tick.
/// One instance is shared by the whole test collection.
/// </summary>
public sealed class TwinAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly IsolatedHost _isolation;
    private readonly string? _cityPath;

    public TwinAppFactory()
        : this(new IsolatedHost())
    {
    }

    private TwinAppFactory(IsolatedHost isolation, string? cityPath = null)
    {
        _isolation = isolation;
        _cityPath = cityPath;
    }

    /// <summary>A host on a given store, e.g. to restart the app on what a previous host wrote.</summary>
    public static TwinAppFactory OnStore(string dataDirectory) => new(IsolatedHost.OnStore(dataDirectory));

    /// <summary>A host of another city: the pack folder is given as <c>City:Path</c>.</summary>
    public static TwinAppFactory ForCity(string packDirectory) => new(new IsolatedHost(), packDirectory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _isolation.Apply(builder);
        if (_cityPath is not null) builder.UseSetting("City:Path", _cityPath);
        builder.UseSetting("Simulation:TickInterval", "00:00:00.500");
        builder.UseSetting("Clock:Speed", "60");
    }

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync("/healthz");
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The twin did not report live within 60 s");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _isolation.Dispose();
    }

    /// <summary>Polls <paramref name="url"/> until <paramref name="accept"/> holds or the deadline passes.</summary>
    public async Task<T> PollAsync<T>(string url, Func<T, bool> accept, TimeSpan? timeout = null)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetFromJsonAsync<T>(url);
            if (last is not null && accept(last)) return last;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{url} did not reach the expected state; last: {last}");
    }
}
